### Dateline: las palabras de la ventana, en español de redacción latinoamericana.
### "Nota" es la historia (story); mismos identificadores que en.ftl (una prueba lo comprueba).

## Settings
language-en = Inglés
language-es = Español
settings-title = Configuración
settings-intro = Las normas de la casa de la publicación. Se guardan en esta mesa, así que todos los que la abren trabajan con ellas.
settings-ui-language = Idioma de la interfaz
settings-ui-language-auto = Automático (sistema: { $language })
settings-ui-language-hint = Las palabras de la ventana, solo en esta computadora. El idioma de cada nota se elige en la nota.
settings-loading = Leyendo la configuración de la mesa…
settings-publication = Publicación
settings-name = Nombre
settings-name-hint = Cierra el pie de foto de un montaje («Edición: …») y firma las páginas.
settings-words = Palabras del crédito y del pie de foto
settings-words-hint = Las palabras alrededor del crédito de una foto, en el idioma de la nota.
settings-words-language = Idioma
settings-words-credit = Palabra de crédito
settings-words-via = Palabra para «vía»
settings-words-edited-by = Palabras para «Edición»
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
settings-choose = Elegir…
settings-export-now = El diálogo de exportación propone
settings-lengths = Longitudes máximas que revisa la verificación previa
settings-headline = Título
settings-dek = Bajada
settings-alt = Texto alternativo
settings-lengths-hint = Caracteres. Un texto más largo genera un aviso, no un rechazo.
settings-desk-folder = Carpeta de la mesa
settings-desk-folder-hint = Donde esta mesa guarda sus notas y fotos. Abre Dateline con
settings-desk-folder-hint-end = para abrir otra.
settings-saved = Configuración guardada.
settings-autosaves = Los cambios se guardan mientras escribes; el botón los guarda al instante.
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
topbar-exit-focus = Salir del modo enfoque
topbar-focus = Modo enfoque
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
hero-crop = Recorte «{ $name }» · { $aspect }
hero-crop-gone = El recorte «{ $name }» ya no existe
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
section-create = Crear la sección «{ $name }»
section-pending = Todavía sin elegir: elige una sección o créala.

## Statistics and shortcuts
key-bold = Negrita
key-italic = Cursiva
key-link = Enlace
key-heading = Intertítulo
key-paragraph = Párrafo normal
key-quote = Cita
key-undo-redo = Deshacer · Rehacer
key-save = Guardar ahora (se guarda solo)
key-new = Nueva nota
key-focus = Modo enfoque (Esc para salir)
key-search = Buscar en la biblioteca
key-export = Exportar…
key-screens = La mesa · la mesa de fotos · Personas · Configuración
key-shift = Mayús
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

## Form fields, as preflight names them
field-headline = Título
field-dek = Bajada
field-bylines = Firma
field-section = Sección
field-status = Estado
field-body = Texto
field-hero = Foto principal
field-publication = Nombre de la publicación
field-photo-credit = Crédito de la foto
field-photo-creator = Autor de la foto
field-photo-alt = Texto alternativo de la foto
field-photo-caption = Pie de foto
field-photo-copyright = Derechos de la foto
field-photo-crop = Recorte de la foto

## Export
export-not-saved = Esta nota todavía no está guardada: primero ponle un título.
export-photo = foto { $id }
export-warnings =
    { $count ->
        [one] · { $count } aviso
       *[other] · { $count } avisos
    }
export-button-title = Revisar la nota y generar un paquete listo para publicar (Ctrl+E)
export-button = Exportar…
export-title = Exportar
export-close = Cerrar
export-cancel = Cancelar
export-preflight = Verificación previa
export-check-again = Volver a revisar
export-checking = Revisando la nota…
export-not-checked = No se revisa nada hasta que la nota esté guardada.
export-ready = Lista para publicar: no hay nada que corregir.
export-blocked =
    { $count ->
        [one] Un problema impide
       *[other] { $count } problemas impiden
    } la exportación. Elige un problema para ir a su campo.
export-warned =
    Nada impide la exportación; { $count ->
        [one] hay un punto que conviene revisar.
       *[other] hay { $count } puntos que conviene revisar.
    }
export-blocks = Bloquea
export-warning = Aviso
export-package = Paquete
export-destination = Carpeta de destino
export-choose-folder = Elegir carpeta…
export-zip = Un archivo .zip en lugar de una carpeta
export-progress = Progreso de la exportación
export-starting = Empezando…
export-cancelled = Exportación cancelada. No se escribió nada.
export-written-to = Guardado en
export-select-path = Haz clic para seleccionar la ruta
export-size = { $files } archivos, { $kb } KB
export-folder-remembered = A partir de ahora, Exportar propone esta carpeta (Configuración › Exportaciones).
export-exporting = Exportando…
export-reveal = Mostrar en la carpeta
export-fix-first = Primero corrige los problemas que bloquean
export-again = Exportar de nuevo
export-replace = Reemplazar paquete
export-replaces = Esta carpeta ya tiene un paquete de esta nota, { $name }, guardado el { $when }: exportar lo reemplaza.
export-occupied = En esta carpeta ya hay algo llamado { $name } que no es un paquete de Dateline: elige otra carpeta o quítalo de ahí antes.

## History
history-unsaved-may-miss = Los últimos cambios no se pudieron guardar, así que puede que falten en el historial.
history-save-first = Primero guarda la nota: necesita un título.
history-unsaved-would-lose = Los últimos cambios no se pudieron guardar; si restauras ahora, se perderían.
history-button-title = Versiones anteriores de esta nota
history-title = Historial
history-checkpoint-title = Guardar esta versión exacta en el historial
history-checkpoint = Punto de control
history-close = Cerrar el historial
history-none = Esta nota todavía no tiene historial: empieza cuando tenga título.
history-moves-label = Movimientos en el flujo de trabajo
history-moves = Movimientos
history-move-to = a
history-someone = Alguien
history-pick-hint = Elige una versión para compararla con la más reciente; Mayús+clic en otra para comparar esas dos.
history-words =
    { $count ->
        [one] { $count } palabra
       *[other] { $count } palabras
    }
history-newest = la más reciente
history-changes-from = Cambios de
history-changes-to = a
history-restore = Restaurar esta versión…
history-restore-question = ¿Restaurar esta versión?
history-restore-replace = ¿Reemplazar el título, la bajada, el texto, la foto principal y la sección de la nota por la versión
history-restore-undo = Lo que hay ahora se guarda antes en el historial, así que se puede deshacer restaurándolo.
history-cancel = Cancelar
history-restore-version = Restaurar la versión #{ $id }
history-pick = Elige una versión arriba para ver qué cambió.

## Times
time-just-now = ahora mismo
time-minutes-ago = hace { $minutes } min
time-hours-ago = hace { $hours } h
time-yesterday = ayer

## Revisions
when-today = Hoy { $time }
when-yesterday = Ayer { $time }
when-date = { $date }, a las { $time }
why-autosave = Guardado automático
why-checkpoint = Punto de control
why-created = Creada
why-restored = Versión #{ $id } restaurada
why-duplicated = Duplicada de la #{ $id }
why-moved = Movida: { $move }
why-status = Estado → { $status }
why-merged-elsewhere = Combinada con un cambio hecho en otro lugar (la mesa de fotos, otra ventana u otra mesa)
why-typed-beside = Escrita mientras cambiaba en otro lugar (se guardan las dos versiones)
why-before-sync = Antes de sincronizar
why-before-restore = Antes de restaurar
why-export = Exportada
why-merged = Combinada

## People and places
people-title = Personas y lugares
people-intro = Firmas, secciones y etiquetas tal como las guarda la mesa. Elige un nombre para ver sus notas.
people-authors = Autores
people-add-author = Agregar autor
people-name = Nombre
people-role = Cargo
people-role-placeholder = Corresponsal extranjera con base en América Latina
people-bio = Biografía breve
people-portrait = Retrato (una foto de la mesa)
people-no-portrait = Sin retrato
people-cancel = Cancelar
people-save = Guardar
people-more-from = Más de { $name }
people-edit-name = Editar a { $name }
people-edit = Editar
people-no-authors = Todavía no hay perfiles de autor. Las firmas invitadas no los necesitan.
people-sections = Secciones
people-tags = Etiquetas
people-tag-merge = Si renombras una etiqueta con el nombre de otra que ya existe, las dos se unen.
people-new-name-for = Nuevo nombre para { $name }
people-rename = Renombrar
people-more-in = Más en { $name }
people-tagged = Notas con la etiqueta { $name }
people-rename-name = Renombrar { $name }
people-delete-name = Eliminar { $name }
people-unused = Ninguna nota la usa
people-delete = Eliminar
people-none-yet = Todavía no hay ninguna.
people-new-section = Nueva sección
people-add = Agregar
people-new-tag = Nueva etiqueta

## Editor notes (in Spanish "comentarios": "nota" is the story)
notes-after-headline = Se pueden añadir comentarios cuando la nota tenga título.
notes-title = Comentarios de edición
notes-internal = Internos — nunca se exportan
notes-someone = Alguien
notes-delete-by = Eliminar el comentario de { $name }
notes-delete = Eliminar
notes-in-newsroom = en la redacción
notes-in-newsroom-hint = Los comentarios que ya están en la redacción quedan en la historia de la nota en todas las mesas; para corregir uno, agrega otro.
notes-none = Todavía no hay comentarios. Son para la mesa: nunca salen de Dateline.
notes-placeholder = Un comentario para la mesa (Ctrl+Enter lo agrega)
notes-new = Nuevo comentario de edición
notes-add = Agregar comentario

## Articles and photos tab
tab-title = Cambiar entre las notas (Ctrl+1) y la mesa de fotos (Ctrl+2)
tab-articles = Notas
tab-photos = Fotos

## Code replacements
codes-remove = Quitar { $code }
codes-title = Códigos de reemplazo
codes-hint = Escribe un código en cualquier campo; se reemplaza al guardar la foto.
codes-none = Todavía no hay códigos.
codes-code = Código
codes-expansion = Reemplazo
codes-add = Agregar

## Batch fields
batch-creator = Autor
batch-agency = Agencia
batch-distributor = Vía (distribuidor)
batch-copyright = Derechos de autor
batch-usage-terms = Condiciones de uso
batch-caption = Pie de foto
batch-label = Campos en lote
batch-photos = { $count } fotos
batch-hint = Completa solo lo que debe cambiar; los campos vacíos quedan como los tiene cada foto. Los códigos como
batch-hint-codes = se reemplazan al guardar.
batch-applying = Aplicando…
batch-apply =
    Aplicar { $fields } { $fields ->
        [one] campo
       *[other] campos
    } a { $photos } fotos
batch-fill-in = Completa un campo para aplicarlo
batch-not-saved = Sin guardar: { $message }
batch-credit-lines = Líneas de crédito
batch-photo = Foto { $id }
batch-no-credit = Todavía sin crédito
batch-applied = Aplicado a { $count } fotos

## Hero from the photo desk
hero-panel-new-article = la nota nueva
hero-panel-save-first = Primero guarda la nota (necesita un título).
hero-panel-set = Foto principal de «{ $headline }» lista.
hero-panel-edited-by = Edición
hero-panel-edited-by-hint = Quién hizo la imagen con las fotos: el pie termina con «Edición: …». Una composición nombra a la publicación salvo que escribas otro nombre.
hero-panel-optional = opcional
hero-panel-crop = Recorte ({ $aspect }, el formato de la casa para la foto principal)
hero-panel-needs-crop = Una foto principal única se muestra en un recorte { $aspect }, y esta foto todavía no tiene ninguno.
hero-panel-making = Haciendo el recorte…
hero-panel-make = Hacer un recorte { $aspect } alrededor del punto focal
hero-panel-insert = Poner en el texto de «{ $headline }»
hero-panel-insert-title = Añade la foto al texto de la nota como un párrafo aparte, después del párrafo donde estaba el cursor (antes, si el cursor estaba al principio; al final, si nunca se puso en el texto). La página exportada la muestra con su pie y su crédito.
hero-panel-use = Usar como foto principal de «{ $headline }»
hero-panel-is-hero = Es la foto principal de «{ $headline }»

## Photo fields
meta-creator = Autor
meta-credit = Crédito
meta-source = Fuente
meta-rights = Derechos
meta-headline = Título
meta-description = Descripción
meta-alt-text = Texto alternativo
meta-extended-description = Descripción ampliada
meta-city = Ciudad
meta-country = País
meta-usage-terms = Condiciones de uso
meta-by-line = Firma (By-line)
meta-copyright = Derechos de autor
meta-caption = Pie de foto
meta-keywords = Palabras clave
meta-charset = Juego de caracteres
meta-taken = Tomada
meta-camera = Cámara
meta-artist = Artista
meta-orientation = Orientación
photo-fallback-name = Foto { $id }
photo-fields-label = Datos de la foto
photo-credit-line = Línea de crédito
photo-no-credit = Todavía sin crédito
photo-credit-pending = Se actualiza cuando se guardan los campos
photo-caption = Pie de foto
photo-creator = Autor
photo-agency = Agencia
photo-via = Vía
photo-distributor = (distribuidor)
photo-copyright = Derechos de autor
photo-alt = Texto alternativo
photo-alt-placeholder = Lo que muestra la foto, para quienes no pueden verla
photo-alt-too-long = Los lectores de pantalla leen mal los textos alternativos largos; pon el detalle en el pie de foto.
photo-usage-terms = Condiciones de uso
photo-save-now-title = Los campos se guardan solos tras una pausa; esto (o Ctrl-S) los guarda ahora
photo-save-now = Guardar ahora
photo-not-saved = Sin guardar: { $message }
photo-saving = Guardando…
photo-not-saved-yet = Todavía sin guardar
photo-saved = Guardado
photo-codes = Los códigos como
photo-codes-expand = se reemplazan al guardar
photo-codes-add-below = ; agrégalos abajo.
photo-embedded = Metadatos incrustados
photo-read-only = (solo lectura)
photo-iim-xmp-conflict = IIM y XMP no coinciden en { $fields }; se usó XMP.
photo-none-in-file = Nada en el archivo.

## Photo size
photo-dimensions = { $width } × { $height } píxeles · { $format }

## Photo desk
photos-import-button = Importar fotos…
photos-import-path-placeholder = …o escribe su ruta
photos-import-path-label = Ruta de una foto para importar
photos-import = Importar
photos-already-here =
    { $count ->
        [one] Ya estaba en la mesa: { $names } (la misma foto se importó antes; se conservan su pie, su crédito y sus recortes).
       *[other] Ya estaban en la mesa: { $names } (se importaron antes; se conservan sus pies, créditos y recortes).
    }
photo-uses-title = Aparece en
photo-uses-none = Ninguna nota muestra esta foto todavía.
photo-uses-hero = foto principal
photo-uses-text = en el texto
photo-uses-hero-and-text = foto principal y texto
photo-uses-untitled = (sin titular)
photo-uses-published =
    { $count ->
        [one] Una nota publicada muestra esta foto: un cambio de su pie, su crédito o sus recortes aparecerá en esa nota la próxima vez que se exporte.
       *[other] { $count } notas publicadas muestran esta foto: un cambio de su pie, su crédito o sus recortes aparecerá en ellas la próxima vez que se exporten.
    }
photos-importing =
    Importando { $count } { $count ->
        [one] archivo
       *[other] archivos
    }…
photos-choose-with = Elige el archivo con
photos-or-drop-it = o suéltalo en la ventana.
photos-dismiss = Descartar
photos-drop-hint = …o suelta archivos JPEG, PNG, WebP, TIFF o HEIC en cualquier lugar de la ventana.
photos-count =
    { $count } { $count ->
        [one] foto
       *[other] fotos
    }
photos-selected =
    { $count } { $count ->
        [one] elegida
       *[other] elegidas
    }
photos-clear = Limpiar
photos-pick-several = Ctrl+clic o Mayús+clic para elegir varias
photos-no-credit = Sin crédito
photos-no-alt = Sin texto alternativo
photos-alt-flag = ALT
photos-choose = Elige una foto para recortarla y editar su pie de foto y su crédito.
photos-empty-hint = Importa JPEG, PNG, WebP, TIFF o HEIC con «Importar fotos…», por ruta, o suelta archivos en cualquier lugar de la ventana.
photos-drop = Suelta las fotos para importarlas

## Crop view
crop-aspect = Formato
crop-free = Libre
crop-asked = La foto principal necesita un recorte { $aspect }: ajusta el recuadro, guárdalo y luego usa la foto como principal.
crop-size-title = Tamaño del recorte en píxeles del original
crop-size = { $width } × { $height } píxeles
crop-box = Recuadro de recorte (las flechas lo mueven)
crop-focus = Punto focal: haz clic en la foto para moverlo
crop-name = Nombre del recorte
crop-suggest-hero = portada
crop-suggest-landscape = horizontal
crop-suggest-print = impresión
crop-suggest-social = redes
crop-suggest-portrait = vertical
crop-suggest-custom = libre
crop-saving = Guardando…
crop-save = Guardar recorte
crop-saved = Guardado «{ $name }» · { $aspect } · { $width } × { $height } píxeles
crop-hint = Arrastra el recuadro o sus esquinas · haz clic en la foto para fijar el punto focal
renditions-title = JPEG y WebP de 2048, 1200 y 600 píxeles de «{ $name }», cada variante con sus créditos
renditions-save-first = Primero guarda el recorte
renditions-make = Generar variantes
renditions-make-of = Generar variantes de «{ $name }»
renditions-progress = Variantes generadas
renditions-files = { $done } de { $total } archivos
renditions-starting = Empezando…
renditions-cached = en caché
crop-saved-crops = Recortes guardados

## The body editor
editor-placeholder = Escribe la nota. Markdown: **negrita**, _cursiva_, > cita, ## intertítulo.
editor-label = Texto de la nota

## The open story's notices
story-needs-headline = escribe un título para guardar esta nota nueva
story-slug-not-saved = { $why } El resto de la nota está guardado, con su dirección anterior.
story-recovered = Dateline se cerró antes de guardar tus últimas palabras. Ya están de vuelta y se están guardando.
story-recovered-aside = Las palabras de una nota nueva que Dateline guardó al cerrarse la última vez están en «{ $headline }», en la biblioteca.
story-changed-elsewhere-conflict = Esta nota se cambió en otro lugar en las mismas palabras que escribías: se conservan las tuyas, y la otra versión queda en el historial, marcada como conflicto.
story-changed-elsewhere = Esta nota se cambió en otro lugar mientras escribías: se conservan ambos cambios.
story-duplicated = Duplicada como «{ $headline }».
story-trashed = «{ $headline }» se movió a la papelera.
story-undo = Deshacer
story-spiked = «{ $headline }» está descartada: no se publicará.
story-unspike = Volver a Borrador
story-untitled = (sin titular)
story-restored = «{ $headline }» volvió a la mesa.

## The desk's notices
trash-emptied =
    { $count ->
        [one] { $count } nota eliminada
       *[other] { $count } notas eliminadas
    } para siempre.

## Saving
autosave-not-saved-first = No se pudieron guardar antes los últimos cambios.

## The window and the desk
backend-unreachable = La ventana de Dateline no pudo comunicarse con la mesa ({ $detail }). Tu texto sigue en el editor.

## La redacción: el estado en la barra superior y su panel
nr-status-syncing = Sincronizando…
nr-status-password = Falta la contraseña de la redacción
nr-status-offline = Sin conexión
nr-status-offline-waiting =
    Sin conexión — { $count ->
        [one] { $count } cambio en espera
       *[other] { $count } cambios en espera
    }
nr-status-up-to-date = Al día
nr-status-up-to-date-waiting =
    Al día, { $count ->
        [one] { $count } cambio en espera
       *[other] { $count } cambios en espera
    }
nr-status-last-sync = Última sincronización { $when }
nr-status-never = Todavía sin sincronizar
nr-since-now = recién
nr-since-minutes = hace { $minutes } min
nr-since-at = a las { $time }
nrbar-newsroom = Redacción { $address }
nrbar-last-synced = última sincronización { $when }
nrbar-role-correspondent = corresponsal
nrbar-role-editor = edición
nrbar-role-photo = mesa de fotografía
nrbar-role-admin = administrador
nrbar-conflicts =
    { $count ->
        [one] { $count } conflicto
       *[other] { $count } conflictos
    }
nrbar-conflicts-open = Abrir «{ $headline }» para resolverlo
nrbar-conflicts-open-first = Abrir el primero para resolverlo
nrbar-refused = { $count } rechazados
nrbar-refused-title = La redacción rechazó algo hecho en esta mesa: mira qué y por qué
nrbar-panel = Redacción
nrbar-sync-now = Sincronizar ahora
nrbar-open-bundle = Abrir envío…
nrbar-open-bundle-title = Traer una nota enviada como archivo .dateline (también puedes soltar el archivo en la ventana)
nrbar-to-settle = Por resolver
nrbar-a-photo = Una foto
nrbar-a-story = Una nota
nrbar-the-text = el texto
nrbar-refused-heading = Rechazado por la redacción
nrbar-refused-kept = Nada rechazado se pierde: el texto queda en el historial de la nota.
nrbar-join = Redacción…
nrbar-join-title = Compartir la biblioteca de esta mesa con una redacción

## La redacción: en la nota abierta
nr-story-holder = está editando esta nota en otra mesa.
nr-take-over-ask = Tomar la nota…
nr-take-over-question = ¿Tomar esta nota de
nr-take-over-explain = Su mesa sabrá que ahora es tuya; lo que guardó queda en el historial, y lo que escriba después se guarda junto a lo tuyo.
nr-take-over = Tomar la nota
nr-cancel = Cancelar
nr-refused-title = La redacción rechazó un cambio hecho en esta mesa; tu texto queda en su historial.
nr-refused-dismiss = Entendido
nr-role-locked-published = Esta nota está { $status }: ahora solo un editor puede cambiarla. Puedes leerla y dejar comentarios.
nr-field-conflict-label = { $field } cambiado en dos mesas
nr-field-conflict = se cambió en dos mesas a la vez. Elige cuál queda:
nr-field-theirs = El de la redacción
nr-field-mine = El tuyo
nr-field-in-form = (en el formulario)
nr-field-both = El de la redacción: { $theirs }. El tuyo: { $mine }. La nota conserva lo que muestra el formulario; el otro está en el historial.
nr-field-keep = Dejarlo así
nr-field-settled = { $field }: resuelto.
nr-field-empty = (vacío)
nr-conflict-title = Esta nota se cambió en otra mesa al mismo tiempo.
nr-conflict-kept = Se conservan las dos versiones.
nr-conflict-open = Comparar y elegir…
nr-role-locked = Esta nota ya está con los editores ({ $status }): desde aquí solo un editor puede cambiarla. Puedes leerla y dejar comentarios.
nr-role-readers = Las notas son de quienes escriben y editan; en esta mesa puedes leerlas y dejar comentarios.
nr-role-correspondent = Como corresponsal envías tus notas; un editor las hace avanzar y las publica.
nr-role-file = «Enviar nota» la pasa a En edición y la manda a los editores de la redacción.
nr-bundle-offline-title = Sin conexión.
nr-bundle-offline = La nota espera para enviarse; o guárdala como envío y manda el archivo de otra forma (una memoria USB, un correo).
nr-bundle-hint = ¿Vas a un lugar sin conexión? Un envío lleva esta nota en un solo archivo.
nr-saving = Guardando…
nr-bundle-save = Guardar como envío…

## La redacción: envíos (archivos .dateline)
bundle-opened =
    «{ $headline }» se trajo del envío ({ $versions ->
        [one] { $versions } versión nueva
       *[other] { $versions } versiones nuevas
    }).
bundle-opened-with-photos =
    «{ $headline }» se trajo del envío ({ $versions ->
        [one] { $versions } versión nueva
       *[other] { $versions } versiones nuevas
    }, { $photos ->
        [one] { $photos } foto
       *[other] { $photos } fotos
    }).
bundle-opened-conflicts =
    Se conservan las dos versiones de lo que se cambió en ambos lados: { $count ->
        [one] { $count } conflicto
       *[other] { $count } conflictos
    } por resolver.
bundle-opened-merged = Sus cambios se unieron con los de esta mesa.
bundle-saved = «{ $headline }» se guardó como { $path }: manda este archivo a la redacción por cualquier medio; al abrirlo allí, la nota entra.

## Estados del flujo de trabajo
status-draft = Borrador
status-in-edit = En edición
status-copy-desk = Corrección
status-ready = Lista
status-published = Publicada
status-spiked = Descartada
status-archived = Archivada

## Newsroom password at start
password-title = Contraseña de la redacción
password-of = La contraseña de
password-at = en { $newsroom }. Esta computadora no tiene un llavero del sistema donde guardarla, así que Dateline la pide en cada inicio; mientras tanto, la mesa trabaja sin conexión.
password-label = Contraseña de { $login }
password-offline = Trabajar sin conexión
password-connect = Conectar

## Joining a newsroom
join-title = Unirse a una redacción
join-intro = Todas las notas de esta mesa se comparten con la redacción y se mantienen sincronizadas, también las que ya están aquí (las notas y fotos de ejemplo de la mesa de demostración se quedan solo en esta mesa). Puedes seguir trabajando cuando no hay red.
join-server = Servidor
join-newsroom = Redacción
join-user = Nombre de usuario
join-password = Contraseña
join-cancel = Cancelar
join-connecting = Conectando…
join-join = Unirse

## A conflict side by side
conflict-title = Dos versiones de esta nota
conflict-reading = Leyendo las dos versiones…
conflict-mine = Tu versión
conflict-this-desk = (esta mesa)
conflict-theirs = La otra versión
conflict-the-newsroom = la redacción
conflict-merged = Texto combinado
conflict-later = Más tarde
conflict-save-merged = Guardar el texto combinado
conflict-edit = Editar un texto combinado…
conflict-keep-theirs = Conservar la otra
conflict-keep-mine = Conservar la tuya

## The workflow bar ($status is one of the workflow statuses above)
workflow-label = Flujo de trabajo
workflow-status = Estado
workflow-starts = El flujo de trabajo empieza cuando la nota tiene título.
workflow-back-to = Volver a { $status }
workflow-move-to = Pasar a { $status }
workflow-spike = Descartar
workflow-archive = Archivar
workflow-file-title = La pasa a { $status } y la envía a la redacción
workflow-file = Enviar nota
workflow-publish-again = Volver a publicar…
workflow-changed-since = Cambiada desde su publicación
workflow-changed-since-title = Publicada el { $when }. Ha cambiado desde entonces: su próxima exportación lleva los cambios, marcados como «Actualizado».
workflow-duplicate = Duplicar
workflow-trash = Mover a la papelera
workflow-this-story = esta nota
workflow-cancel = Cancelar
workflow-close = Cerrar
unpublish-title = ¿Retirar «{ $title }» de lo publicado?
unpublish-text = Pasa a { $status }. Un paquete ya exportado se queda donde se envió: retíralo allí si los lectores ya no deben verlo.
publish-unsaved = Los últimos cambios no se pudieron guardar; publica cuando estén guardados.
publish-title = ¿Publicar «{ $title }»?
publish-checking = Revisando la nota antes de publicar…
publish-failed = «{ $title }» no se publicó
publish-blocked = «{ $title }» todavía no se puede publicar
publish-refused =
    { $count ->
        [one] Este problema impide
       *[other] Estos { $count } problemas impiden
    } publicarla. Elige uno para ir adonde se corrige.
publish-question = ¿Publicar «{ $title }» ahora?
publish-warnings =
    La verificación previa no encontró nada que impida publicarla, pero antes { $count ->
        [one] conviene revisar un punto
       *[other] conviene revisar { $count } puntos
    }. Elige uno para ir allí.
publish-clear = La verificación previa no encontró nada que impida publicarla. Los lectores la verán cuando se exporte.
publish-confirm = Publicar

## The story form
form-label = Nota
form-headline = Título
form-headline-length = { $length } / { $limit } caracteres
form-headline-over = { $length } / { $limit } caracteres — supera el límite de la casa para los títulos
form-dek-placeholder = Bajada: una o dos oraciones bajo el título
form-dek = Bajada
form-dek-length = { $length } / { $limit } caracteres
form-dek-over = { $length } / { $limit } caracteres — supera el límite de la casa para las bajadas
form-byline = Firma
form-hero = Foto principal
form-section = Sección
form-dateline = Lugar (data)
form-dateline-placeholder = CIUDAD DE MÉXICO
form-tags = Etiquetas
form-tags-placeholder = Separadas, por comas
form-language = Idioma
form-slug = Dirección (slug)
form-slug-placeholder = se genera a partir del título

## The library column
library-label = Biblioteca
library-search-placeholder = Títulos, textos, pies de foto
library-search-label = Buscar notas
library-new = Nueva nota
library-from-template = Plantillas ▾
library-templates = Plantillas
library-filters = Filtros
library-sort-by = Ordenar por
library-sort-updated = Último cambio
library-sort-created = Creación
library-sort-headline = Título
library-sort-status = Estado
library-trash-title = Notas movidas a la papelera
library-trash = Papelera
library-status = Estado
library-section = Sección
library-author = Autor
library-tag = Etiqueta
library-any = Cualquiera
library-anyone = Cualquiera
library-changed-from = Cambiadas desde
library-changed-to = hasta
library-more-in = Más en { $section }
library-more-from = Más de { $author }
library-tag-is = Etiqueta: { $tag }
library-from-date = Desde { $date }
library-to-date = Hasta { $date }
library-active-filters = Filtros activos
library-remove-filter = Quitar el filtro { $filter }
library-clear-all = Quitar todos
library-results =
    { $count } { $count ->
        [one] resultado
       *[other] resultados
    }
library-trash-count = Papelera · { $stories }
library-search-results = Resultados de la búsqueda
library-found-in-photo = Encontrada en el pie de foto o el crédito de una foto
library-no-match = Ninguna nota coincide con «{ $query }».
library-trash-empty = La papelera está vacía.
library-no-filter-match = Ninguna nota coincide con estos filtros.
library-no-articles = Todavía no hay notas. Empieza una con «Nueva nota».
library-stories-in-trash = Notas en la papelera
library-stories = Notas
library-deleted = eliminada { $when }
library-restore = Restaurar
library-new-title = De la redacción; todavía no se abrió en esta mesa
library-changed-title = Cambiada en otra mesa desde la última vez que la abriste
library-unseen-new = Nueva
library-unseen-changed = Cambiada
library-holder = { $name } la está editando
library-no-byline = Sin firma

## The desk window
app-saver-photo-fields = datos de la foto
app-saver-settings = configuración
app-newsroom-identity = En una mesa de redacción eres quien inició sesión; los nombres los cambia quien administra la redacción.
app-people-title = Autores, secciones y etiquetas (Ctrl+3)
app-people = Personas
app-settings-title = Las normas de la casa de la publicación (Ctrl+4)
app-settings = Configuración
app-cannot-open = No se puede abrir esta mesa
app-newer-schema = Instala la versión más reciente de Dateline y vuelve a abrir la mesa.
app-start-with = Abre Dateline con
app-another-folder = y otra carpeta.
app-not-saved = Sin guardar: { $message } Tu texto se queda aquí, y Dateline vuelve a intentarlo cada pocos segundos.
app-dismiss = Descartar
app-no-keyring = Esta computadora no tiene un llavero del sistema: Dateline pedirá la contraseña de la redacción en cada inicio.
hero-panel-locked = «{ $headline }» no es tuya para cambiar en la redacción: su foto principal la pone un editor (la foto, su recorte y sus datos sí son tuyos).
