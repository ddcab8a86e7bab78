# Las palabras que Dateline añade alrededor de una nota en español: página, pie de foto, datos.
# Un catálogo por idioma; el inglés tiene los mismos identificadores (una prueba lo comprueba).
skip-to-content = Ir al contenido
sections = Secciones
more-stories = Más notas
by = Por
and = y
updated = Actualizado
about-author = Sobre la firma
about-authors = Sobre las firmas
more-in = Más en { $section }
more-from = Más de { $name }
rights = © { $year } { $publication }. Todos los derechos reservados.
exported-with = Exportado con Dateline.
# El ancla de un intertítulo, como la nombra un lector de pantalla.
heading-link = Enlace a la sección: { $heading }
copy-mark = (copia)
date = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

# Plantillas con las que empieza una historia: su nombre en la ventana, sus palabras en la historia.
template-news-name = Noticia
template-news-description = Pirámide invertida: primero la noticia, luego el contexto y las reacciones.
template-news-tag = Noticias
template-news-headline = Nueva noticia
template-news-body =
    Quién hizo qué, dónde y cuándo: la noticia en una frase.

    Por qué importa.

    ## Antecedentes

    Qué llevó hasta aquí.

    ## Reacciones

    «Una cita», dijo Nombre, cargo.
template-analysis-name = Análisis
template-analysis-description = Un argumento con pruebas, para una firma que conoce el tema.
template-analysis-tag = Análisis
template-analysis-headline = Nuevo análisis
template-analysis-body =
    La pregunta que responde esta pieza.

    ## Lo que sabemos

    Las pruebas.

    ## Lo que significa

    El argumento.

    ## Qué vigilar

    Lo que viene.
template-photo-story-name = Fotorreportaje
template-photo-story-description = Las fotos cuentan la historia; texto breve entre ellas.
template-photo-story-tag = Fotorreportaje
template-photo-story-headline = Nuevo fotorreportaje
template-photo-story-body =
    Una breve introducción a las fotos.

    ![Describe la primera foto](photo:0)

    Un párrafo entre las fotos.

    ![Describe la segunda foto](photo:0)
