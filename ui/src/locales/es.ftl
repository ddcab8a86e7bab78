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
