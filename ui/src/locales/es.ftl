### Dateline: las palabras de la ventana, en español de redacción latinoamericana.
### "Nota" es la historia (story); mismos identificadores que en.ftl (una prueba lo comprueba).

## Settings
language-en = Inglés
language-es = Español
settings-title = Configuración
settings-intro = Las normas de la casa de la publicación. Se guardan en esta mesa, así que todos los que la abren trabajan con ellas.
settings-ui-language = Idioma de la interfaz
settings-ui-language-auto = Automático (sistema)
settings-ui-language-hint = Las palabras de la ventana, solo en esta computadora. El idioma de cada nota se elige en la nota.
settings-loading = Leyendo la configuración de la mesa…
settings-publication = Publicación
settings-name = Nombre
settings-name-hint = Cierra el pie de foto de un montaje (“Edición: …”) y firma las páginas.
settings-words = Palabras del crédito y del pie de foto
settings-words-hint = Las palabras alrededor del crédito de una foto, en el idioma de la nota.
settings-words-language = Idioma
settings-words-credit = Palabra de crédito
settings-words-via = Palabra para “vía”
settings-words-edited-by = Palabras para “Edición”
settings-credit-word-in = Palabra de crédito ({ $language })
settings-via-word-in = Palabra para vía ({ $language })
settings-edited-by-in = Palabras para edición ({ $language })
settings-hero-shape = Formato de la foto principal
settings-hero-shape-hint = Una foto principal única se muestra recortada con este formato.
settings-url = Dirección de la nota en la web
settings-url-hint-and = y
settings-url-hint = se completan solos. Vacío: los paquetes se enlazan entre sí, uno al lado del otro.
settings-exports = Exportaciones
settings-export-folder = Carpeta de exportación predeterminada
settings-export-folder-placeholder = ~/Exportaciones de Dateline
settings-choose = Elegir…
settings-export-now = El diálogo de exportación propone
settings-lengths = Largos que revisa la verificación previa
settings-headline = Título
settings-dek = Bajada
settings-alt = Texto alternativo
settings-lengths-hint = Caracteres. Un texto más largo genera un aviso, no un rechazo.
settings-desk-folder = Carpeta de la mesa
settings-desk-folder-hint = Donde esta mesa guarda sus notas y fotos. Abre Dateline con
settings-desk-folder-hint-end = para abrir otra.
settings-saved = Configuración guardada.
settings-autosaves = Los cambios se guardan mientras escribes.
settings-saving = Guardando…
settings-save = Guardar configuración

## Back to the desk
back-to-desk-title = Volver a las notas (Esc)
back-to-desk = ← Volver a las notas

## Save indicator
save-saving = Guardando…
save-saved = Guardado
save-not-saved-because = Sin guardar — { $message }
save-not-saved-yet = Todavía sin guardar
save-saved-at = Guardado a las { $time }

## Notices
toast-dismiss = Descartar

## Top bar
topbar-desk = Mesa
topbar-focus-title = Ocultar la biblioteca y la vista previa (Ctrl+Mayús+F)
topbar-exit-focus = Salir del modo concentración
topbar-focus = Concentración
topbar-identity-title = Tu nombre en cada versión y cada movimiento — haz clic para cambiarlo
topbar-who = ¿Quién eres?

## Bylines
byline-name-label = Firma { $n }: nombre
byline-name-placeholder = Nombre
byline-role-label = Firma { $n }: cargo
byline-role-placeholder = Cargo, p. ej. Redactora
byline-move-up-label = Subir la firma { $n }
byline-move-up = Subir
byline-remove-label = Quitar la firma { $n }
byline-remove = Quitar
byline-add = + Agregar firma

## Hero in the story form
hero-none = Todavía no hay foto principal.
hero-choose = Elige una en la mesa de fotos
hero-crop = Recorte “{ $name }” · { $aspect }
hero-crop-gone = El recorte “{ $name }” ya no existe
hero-no-crop = Sin recorte elegido
hero-composite = Montaje de { $count } fotos
hero-change = Cambiar en la mesa de fotos

## Your name
identity-empty = Escribe el nombre con el que te conocen tus colegas.
identity-welcome = Te damos la bienvenida a Dateline
identity-your-name = Tu nombre
identity-why = Tu nombre queda en cada versión que guardas y en cada movimiento de una nota, para que la mesa sepa quién hizo qué. Se queda en esta computadora.
identity-placeholder = p. ej. Ana Pérez
identity-cancel = Cancelar
identity-start = Empezar
identity-save = Guardar

## Preview
preview-title = Vista previa
preview-as-published = como se publicará · { $language }
preview-region = La nota como se publicará
preview-headline = Título

## Section
section-create = Crear la sección “{ $name }”
section-pending = Todavía sin elegir: elige una sección o créala.

## Statistics and shortcuts
key-bold = Negrita
key-italic = Cursiva
key-link = Enlace
key-heading = Subtítulo
key-paragraph = Párrafo normal
key-quote = Cita
key-undo-redo = Deshacer · Rehacer
key-save = Guardar ahora (se guarda solo)
key-new = Nueva nota
key-focus = Modo concentración (Esc para salir)
key-search = Buscar en la biblioteca
stats-label = Estadísticas
stats-words =
    { $count ->
        [one] palabra
       *[other] palabras
    }
stats-characters = caracteres
stats-minutes = min de lectura
stats-headline-over = Título { $length }/{ $limit }
stats-dek-over = Bajada { $length }/{ $limit }
stats-shortcuts = Atajos
stats-keyboard = Teclado

## Comparing versions
diff-headline = Título
diff-dek = Bajada
diff-body = Texto
diff-same = Las dos versiones dicen lo mismo.

## Progress of long work
job-cancelled = Cancelado.
job-cancelling = Cancelando…
job-cancel = Cancelar

## Trash
stories-count =
    { $count ->
        [one] { $count } nota
       *[other] { $count } notas
    }
trash-empty = Vaciar la papelera
trash-confirm-title = ¿Eliminar { $stories } para siempre?
trash-confirm-text =
    Vaciar la papelera elimina { $count ->
        [one] esta nota con cada versión, comentario y movimiento de su historial
       *[other] estas { $stories } con cada versión, comentario y movimiento de su historial
    }. No se puede deshacer.
trash-keep =
    { $count ->
        [one] Conservarla
       *[other] Conservarlas
    }
trash-delete = Eliminar { $stories } para siempre
