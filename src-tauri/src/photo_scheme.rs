//! The `photo:` URI scheme: how the webview shows a photo of the desk.
//!
//! `photo://localhost/<id>` (`http://photo.localhost/<id>` on Windows) answers with the
//! untouched original of photo `<id>` of the open workspace, or its 2048-pixel sRGB copy for
//! a bigger photo or one a web view cannot show right (see `Workspace::view_job`): what the
//! crop view shows. `photo://localhost/<id>/preview` is the same at 1280 pixels, for the
//! preview; `photo://localhost/<id>/thumb` its cached 480-pixel thumbnail (made on first
//! request). The path is only ever a photo id
//! looked up through the core, never a file path, so the webview cannot read anything else
//! from the disk. Reading runs on a blocking thread so a large original never stalls the
//! window.

use std::borrow::Cow;

use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager, UriSchemeContext, UriSchemeResponder, Wry};

use crate::desk::Desk;

pub const SCHEME: &str = "photo";

pub fn serve(
    ctx: UriSchemeContext<'_, Wry>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    let path = request.uri().path().to_string();
    tauri::async_runtime::spawn_blocking(move || {
        responder.respond(answer(app.state::<Desk>().inner(), &path));
    });
}

/// The response for the request path `/<id>` (the original) or `/<id>/thumb` (a small
/// cached JPEG of the whole photo, made outside the desk's lock).
fn answer(desk: &Desk, path: &str) -> Response<Cow<'static, [u8]>> {
    let path = path.trim_start_matches('/');
    let (id, size) = match path.split_once('/') {
        Some((id, size)) => (id, size),
        None => (path, ""),
    };
    let Ok(id) = id.parse::<i64>() else {
        return status(StatusCode::BAD_REQUEST);
    };
    let found = match size {
        "thumb" => desk
            .with(|ws| ws.thumbnail_job(id))
            .and_then(|job| job.make().map_err(Into::into))
            .map(|file| ("image/jpeg".to_string(), file)),
        // The crop view (`/<id>`) and the preview (`/<id>/preview`) show the original when a
        // web view shows it right and it is no bigger than they need; else (a bigger photo, a
        // TIFF or HEIC, another colour space than sRGB) an sRGB copy of their size, made
        // outside the desk's lock like a thumbnail.
        "" | "preview" => desk
            .with(|ws| {
                let job = if size.is_empty() {
                    ws.view_job(id)?
                } else {
                    ws.preview_job(id)?
                };
                Ok((job, ws.photo(id)?.mime, ws.photo_original(id)?))
            })
            .and_then(|(job, mime, original)| match job {
                Some(job) => job
                    .make()
                    .map(|file| ("image/jpeg".to_string(), file))
                    .map_err(Into::into),
                None => Ok((mime, original)),
            }),
        _ => return status(StatusCode::BAD_REQUEST),
    };
    let Ok((mime, file)) = found else {
        return status(StatusCode::NOT_FOUND);
    };
    match std::fs::read(&file) {
        Ok(bytes) => Response::builder()
            .header(header::CONTENT_TYPE, mime)
            .body(Cow::Owned(bytes))
            .unwrap_or_else(|_| status(StatusCode::INTERNAL_SERVER_ERROR)),
        Err(_) => status(StatusCode::NOT_FOUND),
    }
}

fn status(code: StatusCode) -> Response<Cow<'static, [u8]>> {
    let mut r = Response::new(Cow::Borrowed(&[][..]));
    *r.status_mut() = code;
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn desk() -> (tempfile::TempDir, Desk) {
        let tmp = tempfile::tempdir().expect("temp dir");
        let desk = Desk::open(tmp.path(), true);
        (tmp, desk)
    }

    /// The JPEG's width, from its frame header (SOF0 or SOF2).
    fn width_of(jpeg: &[u8]) -> u32 {
        let mut i = 2;
        while i + 9 < jpeg.len() {
            let (marker, len) = (jpeg[i + 1], u16::from_be_bytes([jpeg[i + 2], jpeg[i + 3]]));
            if marker == 0xC0 || marker == 0xC2 {
                return u32::from(u16::from_be_bytes([jpeg[i + 7], jpeg[i + 8]]));
            }
            i += 2 + usize::from(len);
        }
        panic!("no frame header")
    }

    #[test]
    fn serves_a_photo_no_bigger_than_its_screen_needs() {
        let (tmp, desk) = desk();
        let photo = desk.with(|ws| ws.photos()).expect("photos")[0].clone();
        assert!(photo.width > 2048, "the demo's photos are 2,400 px wide");
        for (path, width, cache) in [
            (format!("/{}", photo.id), 2048, "views"),
            (format!("/{}/preview", photo.id), 1280, "previews"),
        ] {
            let r = answer(&desk, &path);
            assert_eq!(r.status(), StatusCode::OK, "{path}");
            assert_eq!(r.headers()[header::CONTENT_TYPE], "image/jpeg");
            assert_eq!(width_of(r.body()), width, "{path}");
            let cached = tmp.path().join("renditions").join(cache);
            assert_eq!(std::fs::read_dir(&cached).unwrap().count(), 1, "{path}");
        }
    }

    #[test]
    fn serves_a_small_thumbnail_made_once() {
        let (tmp, desk) = desk();
        let photo = desk.with(|ws| ws.photos()).expect("photos")[0].clone();
        let r = answer(&desk, &format!("/{}/thumb", photo.id));
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.headers()[header::CONTENT_TYPE], "image/jpeg");
        assert_eq!(&r.body()[..3], &[0xFF, 0xD8, 0xFF], "a JPEG's first bytes");
        let original = std::fs::metadata(desk.with(|ws| ws.photo_original(photo.id)).unwrap())
            .unwrap()
            .len();
        assert!(
            (r.body().len() as u64) < original,
            "smaller than the original"
        );
        let cached = tmp.path().join("renditions/thumbs");
        assert_eq!(std::fs::read_dir(&cached).unwrap().count(), 1);
        let again = answer(&desk, &format!("/{}/thumb", photo.id));
        assert_eq!(again.body(), r.body());
        assert_eq!(std::fs::read_dir(&cached).unwrap().count(), 1);
    }

    #[test]
    fn never_serves_anything_but_a_photo_id() {
        let (_tmp, desk) = desk();
        for path in [
            "/../dateline.sqlite",
            "/%2e%2e/etc/passwd",
            "/",
            "/1.jpg",
            "/-1x",
            "/1/thumb/../../x",
            "/thumb",
        ] {
            assert_eq!(
                answer(&desk, path).status(),
                StatusCode::BAD_REQUEST,
                "{path}"
            );
        }
        assert_eq!(answer(&desk, "/999").status(), StatusCode::NOT_FOUND);
    }
}
