# Las palabras que el núcleo escribe para las personas —errores, avisos de la revisión previa,
# movimientos del flujo rechazados— en español, para una redacción. Mismos identificadores y
# mismos argumentos que el catálogo inglés (una prueba lo comprueba).

## Listas

list-or = { $init } o { $last }
list-and = { $init } y { $last }

## Errores

error-not-found = No se encontró { $what } «{ $key }».
error-invalid = { $field }: { $message }
error-duplicate-slug = Otra nota ya usa la dirección «{ $slug }». Elige otra.
error-newer-schema = { $path } lo escribió una versión más nueva de Dateline (formato de mesa { $found }; esta versión lee hasta el { $known }). Actualiza Dateline para abrirlo. El archivo no se tocó.
error-not-a-database = { $path } no es una mesa de Dateline (no es una base de datos SQLite). El archivo no se tocó.
error-storage = No se pudo leer ni escribir la base de datos de la mesa: { $detail }
error-disk-full = El disco está lleno: el último cambio no se pudo guardar. Libera espacio y vuelve a intentarlo; todo lo guardado antes sigue intacto.
error-at-path = { $path }: { $message }
error-cancelled = Cancelado.
error-export-cancelled = Se canceló la exportación.
error-export-failed = { $cause } La exportación se detuvo y no se escribió nada en { $path }: el paquete es el anterior o no existe, nunca queda a medias.

## Lo que significa un fallo de lectura o escritura

io-disk-full = el disco está lleno.
io-not-found = no existe ese archivo o esa carpeta.
io-permission-denied = Dateline no tiene permiso para leerlo o escribirlo.
io-already-exists = ya hay algo con ese nombre.
io-is-a-directory = es una carpeta, no un archivo.
io-not-a-directory = una parte de la ruta es un archivo, no una carpeta.
io-cut-short = el archivo termina antes de tiempo: está cortado.
io-read-only = el disco es de solo lectura.

## Lo que una búsqueda encuentra o no

thing-article = ninguna nota
thing-author = ningún autor
thing-code-replacement = ningún reemplazo de código
thing-crop = ningún recorte
thing-demo-photo = ninguna foto de demostración
thing-note = ningún comentario
thing-photo = ninguna foto
thing-revision = ninguna versión
thing-section = ninguna sección
thing-tag = ninguna etiqueta
thing-template = ninguna plantilla

## Campos del formulario que nombra un error

field-headline = Título
field-slug = Dirección
field-language = Idioma
field-status = Estado
field-body = Texto
field-dek = Bajada
field-bylines = Firma
field-section = Sección
field-tags = Etiquetas
field-hero = Foto principal
field-crop = Recorte
field-name = Nombre
field-email = Correo
field-photos = Fotos
field-identity = Tu nombre
field-note = Comentario
field-focus = Punto de interés
field-code = Código
field-revision = Versión
field-settings = Ajustes
field-dateline = Lugar (data)
field-photo = Foto

## Estados del flujo

status-draft = Borrador
status-in-edit = En edición
status-copy-desk = Corrección
status-ready = Lista
status-published = Publicada
status-spiked = Descartada
status-archived = Archivada

## Importación de fotos

photo-raw = Es un archivo RAW de cámara{ $kind ->
        [none] {""}
       *[other] {" "}({ $kind })
    }, que Dateline no puede leer: un RAW todavía hay que revelarlo. Expórtalo como JPEG o TIFF desde tu editor de fotos e importa ese archivo.
photo-psd = Es un documento de Photoshop (PSD), que Dateline no puede leer. Expórtalo como JPEG o TIFF desde tu editor de fotos e importa ese archivo.
photo-gif = Es un GIF{ $animated ->
        [yes] {" "}animado
       *[other] {""}
    }, que Dateline no puede publicar como foto. Expórtalo como JPEG o TIFF desde tu editor de fotos e importa ese archivo.
photo-format-unsupported = Las imágenes { $format } no se admiten: usa JPEG, PNG, WebP, TIFF o HEIC.
photo-not-a-photo = No es una foto que Dateline pueda leer (no es JPEG, PNG, WebP, TIFF ni HEIC).
photo-no-pixels = La foto no tiene píxeles.
photo-too-large = La foto dice medir { $width } × { $height } píxeles, más de lo que acepta Dateline ({ $max_side } píxeles por lado, { $megapixels } megapíxeles). No se importó.
photo-empty = El archivo está vacío.
photo-not-jpeg = No es una foto JPEG.
photo-incomplete = La foto está incompleta: el archivo termina antes que la imagen (seguramente se cortó al copiarla o descargarla). Vuelve a copiarla desde su origen.
photo-damaged-data = La imagen de la foto está dañada a partir de cierto punto, así que una parte se vería gris. Vuelve a copiarla desde su origen.
photo-damaged-pixels = Los píxeles de la foto están dañados y no se pueden mostrar. Vuelve a copiarla desde su origen.
photo-unreadable = El archivo no se pudo leer como foto. Comprueba que sea una foto JPEG, PNG, WebP, TIFF o HEIC y vuelve a intentarlo.
photo-damaged-header = La foto está dañada y no se puede abrir: el principio del archivo, que dice qué imagen es, está roto o cortado. Vuelve a copiarla desde su origen.

## Revisión previa

finding-no-headline = La nota no tiene título. Escribe uno antes de exportarla.
finding-headline-too-long = El título tiene { $length } caracteres; con más de { $max }, los buscadores y las tarjetas de redes sociales lo cortan. Conviene ajustarlo.
finding-no-body = La nota todavía no tiene texto. Escríbelo antes de publicarla o exportarla.
finding-no-byline = La nota no tiene firma. Añade el nombre de quien la escribió.
finding-dek-too-long = La bajada tiene { $length } caracteres; con más de { $max } deja de leerse como un resumen. Conviene acortarla.
finding-no-section = La nota no tiene sección, así que la página no puede mostrar «Más en…» y las agencias asociadas no pueden clasificarla. Elige una sección.
finding-no-publication = La publicación de esta mesa no tiene nombre, así que la página no lleva cabecera, ni la línea «Editado por», ni la de derechos. Ponle nombre en Configuración.
finding-not-ready = La nota está en «{ $status }», no en «Lista». Comprueba que la mesa le dio el visto bueno.
finding-hero-too-many-photos = La foto principal reúne { $count } fotos; un montaje pone dos o tres lado a lado. Quita { $extra }.
finding-hero-photo-missing = La foto principal muestra la foto { $photo }, que ya no está en esta mesa. Elige otra foto.
finding-hero-without-crop = La foto principal { $photo } no tiene un recorte { $aspect }, que la página de la nota necesita. Recórtala a { $aspect } en la mesa de fotos y elige ese recorte para la foto principal.
finding-composite-cell-too-small = En el montaje de la foto principal, la foto { $photo } ocupa una casilla de { $cell } píxeles de ancho pero solo tiene { $width } píxeles que dar: se verá borrosa en pantallas grandes. Usa un original más grande o un recorte más amplio.
finding-body-what-missing = la foto { $photo }, que no está en esta mesa
finding-body-what-not-a-number = «{ $target }», que no es un número de foto
finding-body-photo-missing = La línea { $line } del texto muestra { $what }. Corrige la referencia (tiene esta forma: ![texto alternativo](photo:12)) o importa la foto.
finding-body-crop-missing = La línea { $line } del texto muestra el recorte «{ $crop }» de la foto { $photo }, que no tiene ningún recorte con ese nombre.
finding-photo-name = «{ $file }»
finding-in-the-hero = usada como foto principal
finding-in-the-body = usada en el texto
finding-photo-without-credit = La foto { $photo }, { $place }, no tiene crédito. Añade el fotógrafo y la agencia (o una línea de crédito) en la mesa de fotos.
finding-photo-without-creator = La foto { $photo }, { $place }, no nombra al fotógrafo, así que la página solo acredita «{ $credit }». Añade el fotógrafo en la mesa de fotos si la agencia lo dio.
finding-photo-without-copyright = La foto { $photo }, { $place }, no tiene aviso de copyright, así que sus copias exportadas no nombran al titular de los derechos. Añádelo en la mesa de fotos, por ejemplo «© 2026 Reuters».
finding-body-starts-with-front-matter = El cuerpo empieza con el bloque de datos de un archivo («---», «{ $key }: …», «---»), que la página mostraría como una raya y un subtítulo. Pasa esos datos a los campos de la nota y borra el bloque del cuerpo.
finding-photo-field-conflict = La foto { $photo }, { $place }, tiene dos versiones de su { $what }: «{ $ours }» en esta mesa y «{ $theirs }» de la redacción. Elige una en la mesa de fotos; los créditos son un asunto legal.
finding-photo-without-alt-text = La foto { $photo }, { $place }, no tiene texto alternativo: quien use un lector de pantalla no sabría qué muestra. Descríbela en una frase.
finding-alt-text-too-long = El texto alternativo de la foto { $photo } tiene { $length } caracteres; con más de { $max } se hace pesado de escuchar. Quédate con lo esencial.
finding-iim-truncated = El campo { $what } de la foto { $photo } ocupa { $bytes } bytes; IIM solo guarda { $max }, así que los sistemas antiguos lo leerán cortado. XMP lo guarda entero.
finding-crop-too-small = La foto { $photo }, { $place }, mide solo { $width } píxeles de ancho, menos que la versión más ancha ({ $widest }): las pantallas grandes recibirán una imagen más pequeña. Usa un original más grande o un recorte más amplio.
finding-original-too-small = La foto { $photo }, { $place }, mide solo { $width } píxeles de ancho, menos que la versión más ancha ({ $widest }): las pantallas grandes recibirán una imagen más pequeña. Solo un original más grande puede llenarlas.
iim-byline = fotógrafo (IIM By-line)
iim-credit = crédito (IIM Credit)
iim-copyright = aviso de derechos (IIM CopyrightNotice)
iim-caption = pie de foto (IIM Caption-Abstract)
photo-field-credit = crédito
photo-field-caption = pie de foto
photo-field-alt-text = texto alternativo
photo-field-creator = autor
photo-field-agency = agencia
photo-field-distributor = distribuidor
photo-field-copyright = aviso de derechos
refusal-cannot-publish = «{ $headline }» todavía no se puede publicar. Antes hay que corregir: { $findings }
refusal-cannot-export = «{ $headline }» todavía no se puede exportar. Antes hay que corregir: { $findings }

## Flujo de trabajo

workflow-refused = Una nota en «{ $from }» no puede pasar a «{ $to }»; puede pasar a { $options }.
workflow-nowhere = ningún otro estado

## Importación de Markdown

import-at-line = línea { $line }: { $message }
import-empty = el archivo está vacío: no tiene texto que importar.
import-too-deep = el texto anida citas, listas, enlaces o énfasis a { $depth } niveles de profundidad, y Dateline importa hasta { $max }. Ninguna nota tiene esta forma: comprueba que sea el archivo correcto.
import-never-closed = los metadatos que empiezan en la línea 1 con { $fence } nunca se cierran: añade una línea con solo { $fence } después de la última clave.
import-no-headline = este archivo no tiene título: añade metadatos con `headline: …` entre líneas ---, o empieza el texto con una línea `# Título`.
import-keys-run-together = Dateline no sabe dónde termina la clave de esta línea ({ $count } claves seguidas: { $keys }). Escribe cada clave en su propia línea, desde el margen izquierdo.
import-key-not-alone = Dateline no pudo leer por sí sola esta clave de los metadatos { $format } (¿un ancla o un alias compartido entre claves?). Escribe su valor completo.
import-keys-not-separable = Dateline no pudo separar línea por línea las claves de estos metadatos { $format }. Escribe cada clave en su propia línea, desde el margen izquierdo.
import-not-valid-toml = los metadatos no son TOML válido para Dateline: { $detail }.
import-not-valid-yaml = los metadatos no son YAML válido para Dateline: { $detail }.
import-unknown-key = { $detail }. Quita esa clave o cámbiale el nombre por uno que Dateline conozca.
import-key-problem = `{ $key }`: { $detail }.
import-key-no-value = `{ $key }` no tiene un valor que Dateline pueda leer.
import-too-big = el archivo ocupa { $size } MB; Dateline importa archivos Markdown de hasta { $max } MB. Divídelo o saca sus imágenes del texto.
import-folder = esto es una carpeta, no un archivo Markdown.
import-not-utf8 = línea { $line }: el archivo no es texto UTF-8 (el byte { $byte } en la columna { $column }, posición { $offset }, es el primero que no lo es). Guárdalo como UTF-8 y vuelve a importarlo.
import-nul = línea { $line }: el archivo tiene un byte NUL (cero) en la columna { $column }, algo que un texto nunca tiene: está dañado o no es un archivo Markdown.
import-duplicate-slug = otra nota de esta mesa ya usa la dirección «{ $slug }». Cambia `slug:` en los metadatos, o quítalo para que se derive del título.

## La redacción

newsroom-login-refused = La redacción { $newsroom } no dejó entrar a «{ $user }»: ese usuario no existe allí o la contraseña es incorrecta. Compruébalo con quien administra la redacción.
newsroom-password-missing = La redacción { $newsroom } pide la contraseña de { $user }: ponla en PGPASSWORD o en ~/.pgpass, o ejecuta la orden en una terminal para que te la pida.
newsroom-refused-change = La redacción rechazó el cambio: { $reason }
newsroom-refused-not-yours = Esta nota o esta foto no es tuya y tu función no te permite cambiarla.
newsroom-refused-role = Tu función no te permite cambiar { $what }.
newsroom-what-stories = notas
newsroom-what-photos = fotos
# Los rechazos propios de la redacción (sus disparadores, src/newsroom/sql/), en el idioma de la ventana.
newsroom-server-new-story-editor-only = Solo un editor puede enviar a la redacción una nota nueva como { $status }; envíala como Borrador o En edición.
newsroom-server-cannot-move = Una nota en { $from } no puede pasar a { $to }.
newsroom-server-editor-moves = Solo un editor puede pasar una nota de { $from } a { $to }.
newsroom-server-not-yours-to-move = No puedes mover esta nota: no es tuya y no eres editor.
newsroom-server-moved-first = La nota figura como { $now } en la redacción, no como { $was }: alguien la movió antes.
newsroom-server-original-fixed = Un original completo nunca cambia.
newsroom-server-photo-mismatch = El archivo de foto que llegó no coincide con el que envió la mesa; se enviará de nuevo.
newsroom-server-deleted = Esta nota se borró de la papelera de la redacción; ya no puede cambiar.
newsroom-server-not-in-trash = Solo una nota que está en la papelera se puede borrar para siempre; esta no está en la papelera de la redacción.
newsroom-server-past-the-desk = La nota figura como { $status } en la redacción: desde ahí solo un editor puede cambiarla. Tus palabras se quedan en tu mesa.
newsroom-not-set-up = La base de datos { $database } todavía no tiene una redacción: primero alguien con permisos de administración debe prepararla con `dateline newsroom init`.
newsroom-no-database = El servidor de la redacción en { $host }:{ $port } no tiene ninguna base de datos «{ $database }».
newsroom-answered = La redacción { $newsroom } respondió: { $answer }
newsroom-tls-failed = No se pudo establecer una conexión segura con la redacción { $newsroom }: { $detail }.
newsroom-unreachable = No se puede llegar a la redacción { $newsroom } ({ $detail }). La mesa sigue funcionando sin conexión; sincroniza de nuevo cuando vuelva la red.

## Datos del formulario

article-headline-empty = El título está vacío: toda nota necesita uno.
article-headline-no-slug = El título no tiene letras ni cifras con las que formar una dirección: escribe una.
article-hero-too-many = Un montaje de foto principal admite como mucho tres fotos.
article-bad-language = «{ $code }» no es un código de idioma: usa uno como «en», «es» o «es-MX».
slug-empty = La dirección está vacía.
slug-invalid = «{ $slug }» no es una dirección válida: usa minúsculas, cifras y guiones (por ejemplo, «{ $example }»).
slug-no-letters = «{ $slug }» no tiene letras ni cifras con las que formar una dirección.
identity-empty = Escribe tu nombre: queda registrado en cada versión y en cada cambio de estado de una nota.
section-needs-name = Una sección necesita un nombre.
author-needs-name = Un autor necesita un nombre.
tag-needs-name = Una etiqueta necesita un nombre.
photo-focus-outside = El punto de interés tiene que estar dentro de la foto.
crop-needs-name = Un recorte necesita un nombre, como «hero».
photo-focus-outside-xy = El punto de interés tiene que estar dentro de la foto (x e y entre 0 y 1).
composite-two-or-three = Un montaje de foto principal pone dos o tres fotos lado a lado.
code-one-word = Un código es una sola palabra sin espacios, como =rtr=.
revisions-different-articles = las versiones { $from } y { $to } son de notas distintas; compara dos versiones de la misma nota.
note-empty = El comentario está vacío.
note-in-newsroom = Este comentario ya está en la redacción, donde los comentarios quedan en la historia de la nota en todas las mesas: no se puede eliminar. Agrega otro comentario para corregirlo.
section-exists = Ya hay una sección llamada «{ $name }».
author-exists = Ya hay un autor llamado «{ $name }».
section-in-use = La sección «{ $name }» todavía tiene { $count } { $count ->
        [one] nota
       *[other] notas
    } (cuenta la papelera); pásala{ $count ->
        [one] {""}
       *[other] s
    } antes a otra sección.
tag-in-use = La etiqueta «{ $name }» todavía está en { $count } { $count ->
        [one] nota
       *[other] notas
    } (cuenta la papelera); quítala antes de ahí, o cámbiale el nombre por el de otra etiqueta para unir las dos.

## Los errores propios de la aplicación

app-failed-halfway = Una acción anterior falló a medias; reinicia Dateline para seguir. Todo lo guardado antes está intacto.
app-sync-stopped = La sincronización con la redacción se detuvo a medias; reinicia Dateline para seguir. Todo lo guardado antes está intacto.
app-export-stopped = La exportación se detuvo de forma inesperada ({ $detail }). No se escribió nada.
app-nothing-exported = Todavía no se exportó ningún paquete en esta sesión.
app-file-manager-failed = No se pudo abrir el gestor de archivos ({ $detail }). El paquete está en { $path }.
app-destination-not-full = Destino: «{ $path }» no es la ruta completa de una carpeta. Escribe una como ~/Dateline exports o /home/tu-usuario/Exports.
app-join-type-server = Escribe la dirección del servidor de la redacción (por ejemplo, news.example.org:5432).
app-join-type-database = Escribe el nombre de la redacción (la base de datos que te dieron).
app-join-server-form = Escribe el servidor como nombre:puerto y el usuario solo.
app-renditions-stopped = Las versiones de la foto se detuvieron de forma inesperada ({ $detail }).
app-pick-photos-title = Importar fotos
app-pick-photos-filter = Fotos (JPEG, PNG, WebP, TIFF, HEIC)
app-pick-folder-title = Exportar en la carpeta
app-dialog-closed = El diálogo de archivos se cerró de forma inesperada ({ $detail }).
app-outside-desk = { $path } está fuera de la carpeta de la mesa. Una ruta escrita a mano tiene que llevar dentro de la carpeta de la mesa ({ $desk }); para traer una foto de cualquier otro sitio, usa «Importar fotos…» o suelta el archivo en la ventana.
app-scope-write-rule = Dateline solo escribe paquetes en ~/Dateline exports, en una carpeta elegida con «Elegir carpeta…» o en la carpeta de la mesa
app-out-of-reach = { $path } está fuera de alcance: { $rule }.
newsroom-not-a-member = «{ $user }» puede entrar en { $newsroom } pero no es una de las personas de la redacción: quien administra la redacción la añade con `dateline newsroom user add`.
newsroom-other-newsroom = Esta mesa ya pertenece a otra redacción; una mesa se sincroniza con una sola redacción.
newsroom-not-joined = Esta mesa no se ha unido a ninguna redacción: ejecuta primero `dateline newsroom join URL`.
newsroom-other-login = Esta mesa se unió a la redacción como «{ $joined }», pero la conexión es de «{ $login }»: sincroniza con el usuario de la propia mesa.
newsroom-text-conflict-how = El conflicto del texto se resuelve quedándose con una versión o con un texto combinado.
newsroom-no-text-conflict = La nota { $story } no tiene ningún conflicto en su texto que resolver.
newsroom-revision-of-another = La versión { $revision } es de otra nota; elige una de { $story }.
newsroom-say-how-to-resolve = Indica cómo resolverlo: con una versión (--take REV) o con un archivo (--file F.md).
newsroom-photo-incomplete = El archivo de una foto de la redacción todavía no está completo ({ $sha }); la próxima sincronización lo traerá.
newsroom-may-not-init = El usuario «{ $user }» no puede preparar una redacción en { $newsroom }: debe ejecutar `dateline newsroom init` alguien con permiso para crear roles y esquemas (por ejemplo, el dueño de la base de datos con CREATEROLE). No se cambió nada.
newsroom-format-failed = No se pudo instalar el formato { $number } de la redacción: { $detail }. No se cambió nada de él.
newsroom-newer = La redacción { $newsroom } la preparó un Dateline más nuevo (formato de redacción { $found }; este conoce hasta el { $known }). Actualiza Dateline para trabajar con ella.
newsroom-older = La redacción { $newsroom } tiene un formato más antiguo ({ $found }) del que necesita este Dateline ({ $needed }): quien la administra ejecuta `dateline newsroom init` para actualizarla.
newsroom-user-exists = La redacción ya tiene un usuario «{ $login }»; elige otro nombre de usuario.
newsroom-may-not-add = «{ $user }» no puede añadir personas a la redacción: solo puede hacerlo quien la administra.
newsroom-bad-role = «{ $role }» no es una función de la redacción; elige correspondent, editor, photo o admin.
newsroom-password-short = La contraseña es demasiado corta: usa al menos 8 caracteres.
newsroom-bad-login = «{ $login }» no puede ser un usuario de la redacción: usa minúsculas, cifras, «_», «.» o «-», empezando por una letra (por ejemplo, ana.perez).
newsroom-story-not-there = La nota { $story } todavía no llegó a la redacción: sincroniza primero y así los demás verán quién trabaja en ella.
newsroom-only-editor-takes-over = Solo un editor puede quedarse con { $story }; sigue abierta en las otras mesas.
newsroom-no-tls = La mesa no puede establecer conexiones seguras: { $detail }.
newsroom-not-set-up-at = La base de datos en { $newsroom } todavía no tiene una redacción: primero alguien con permisos de administración debe prepararla con `dateline newsroom init`.
newsroom-move-refused = Se rechazó el paso de { $from } a { $to }: { $reason }
crop-bad-aspect = «{ $aspect }» no es una proporción: usa 16:9, 4:3, 3:2, 1:1, 4:5 o free.
crop-outside = El recorte tiene que estar dentro de la foto.
export-bad-file-name = «{ $path }» no puede ser un archivo del paquete: { $why }.
export-written-twice = Dos partes de la exportación escribieron «{ $path }».
export-not-a-package = { $path } ya existe y no es un paquete de Dateline. Elige otra carpeta; no se escribió nada.
newsroom-sslmode-allow = sslmode=allow no se admite: usa prefer, require, verify-ca o verify-full.
newsroom-bad-address = «{ $address }» no es una dirección de redacción ({ $detail }). Escríbela así: postgresql://USUARIO@SERVIDOR:PUERTO/BASE.
newsroom-address-no-user = La dirección de la redacción no dice qué usuario: escríbela así: postgresql://USUARIO@SERVIDOR/BASE.
settings-bad-hero-shape = «{ $shape }» no es un formato de foto principal que Dateline conozca. Elige uno de estos: { $shapes }.
settings-pattern-needs-slug = El patrón de la dirección web debe contener {"{"}slug{"}"}, para que cada nota tenga su propia dirección (por ejemplo, https://news.example/{"{"}section{"}"}/{"{"}slug{"}"}/).
settings-house-words-incomplete = Cada idioma del libro de estilo necesita su código de idioma y su palabra de crédito (por ejemplo, «es» y «Foto:»).
settings-limit-too-short = { $value } caracteres es un límite demasiado corto; usa al menos { $least }.
import-warning = { $path }: línea { $line }: { $message }
import-note-unknown-key = `{ $key }` no es un campo de Dateline; se guarda tal cual y se vuelve a escribir al exportar.
import-note-other-key = `{ $key }` podría dar el campo { $field }, pero ya lo da `{ $other }` (línea { $line }); `{ $key }` se guarda tal cual y se vuelve a escribir al exportar.
import-note-empty-key = `{ $key }` está vacío, así que no da ningún valor para { $field }; se guarda tal cual y se vuelve a escribir al exportar.
trash-not-in-trash = La nota { $story } no está en la papelera.
trash-in-trash = La nota { $story } está en la papelera; recupérala primero.
library-bad-date = «{ $day }» no es una fecha; escríbela como año-mes-día, por ejemplo 2026-11-25.
generate-no-markdown = { $folder } no tiene ningún artículo Markdown con el que crear una biblioteca.
generate-no-headlines = { $folder } tiene texto Markdown pero ningún artículo con título (una línea `# Título` o un `title:` en los metadatos): no hay con qué nombrar las notas.
newsroom-bad-root-cert = El certificado de la autoridad { $path } (sslrootcert) no se puede leer como PEM: { $detail }.

## Avisos de fotos y pasos de la exportación
photo-exif-damaged = Los datos de la cámara (EXIF) están dañados y se ignoraron ({ $detail }).
photo-iptc-cut-short = El bloque IPTC está cortado; se ignoró el resto.
photo-xmp-not-xml = Los metadatos XMP no son XML válido y se ignoraron ({ $detail }).
photo-no-alt-text = Esta foto no tiene texto alternativo: quien use un lector de pantalla no sabrá qué muestra.
crop-narrow = Este recorte solo mide { $width } píxeles de ancho: no se harán las versiones más anchas ({ $widest } pedidos).
rendition-narrow = El recorte mide { $width } píxeles de ancho, así que no se hizo ninguna versión de { $widths } píxeles; la más ancha mide { $width } (Dateline nunca agranda una foto).
export-step-starting = Empezando
export-step-checking = Revisando la nota
export-step-hero = Preparando la foto principal
export-step-hero-shapes = Preparando la foto principal en otros formatos
export-step-body-photos = Preparando las fotos del texto
export-step-html = Escribiendo la página web
export-step-photos = Añadiendo las fotos
export-step-manifest = Escribiendo el manifiesto
export-step-ninjs = Escribiendo la noticia ninjs
export-step-markdown = Escribiendo el Markdown
export-step-written = Paquete escrito

# Las palabras de la línea de órdenes para las personas (su salida --json es para programas y no cambia).
cli-article-created = Nota { $id } creada ({ $slug })
cli-article-saved = Nota { $id } guardada ({ $slug })
cli-article-moved = { $slug } está ahora en { $status }
cli-note-added = Comentario { $id } añadido
cli-article-trashed = { $story } está en la papelera (`dateline trash restore { $story }` la recupera)
cli-hero-none = La nota { $id } no tiene foto principal.
cli-hero-set = Foto principal de la nota { $id } puesta. Pie:
cli-wrote = Escrito { $path }
cli-conflict-resolved = El conflicto de { $slug } está resuelto; el próximo `dateline sync` lo envía.
cli-show-by = Por { $names }
cli-show-no-section = sin sección
cli-show-conflict = Conflicto con la redacción en { $field }: se guardan la versión de esta mesa y la de la redacción (`dateline article resolve { $slug }`).
cli-workspace-ready = Mesa lista en { $dir }
cli-preflight-blocking = ✗ bloquea
cli-preflight-warning = ! aviso
cli-preflight-ready = Lista para exportar.
cli-preflight-not-ready = No se puede exportar: corrige primero lo que bloquea.
cli-preflight-blocked = { $n ->
    [one] 1 problema bloquea la exportación de la nota por ahora.
   *[other] { $n } problemas bloquean la exportación de la nota por ahora.
}
cli-exported = { $files } archivos ({ $bytes } bytes) exportados a { $path }
cli-stories = { $n ->
    [one] 1 nota
   *[other] { $n } notas
}
cli-restored = Recuperada { $id } ({ $headline })
cli-trash-waiting = Hay { $n } notas en la papelera. No se borró nada: ejecuta `dateline trash empty --yes` para borrarlas para siempre.
cli-trash-emptied = { $n } notas borradas para siempre
cli-no-identity = Todavía no hay identidad: ejecuta `dateline identity "Tu nombre"`
cli-settings-publication = Publicación
cli-settings-hero-shape = Forma de la foto principal
cli-settings-address = Dirección de la nota
cli-settings-side-by-side = (paquetes uno junto a otro)
cli-settings-export-folder = Carpeta de exportación
cli-settings-lengths = Longitudes
cli-settings-lengths-value = titular { $headline }, entradilla { $dek }, texto alternativo { $alt }
cli-settings-credit-words = Palabras del crédito { $language }
cli-settings-desk-folder = Carpeta de la mesa
