//! Issue 16: photos in any colour space come out of the photo desk in sRGB, and the formats a
//! desk receives (TIFF from agencies, HEIC from phones) are imported like a JPEG.
//!
//! Every test photo is made here, from one synthetic picture of saturated hues (where colour
//! spaces differ most), by the real tools: ImageMagick attaches or converts into a profile,
//! `heif-enc` makes the HEIC, exiftool writes IPTC into the TIFF. Each rendition is compared
//! with ImageMagick's own colour-managed conversion into sRGB (`-profile sRGB.icc`) by mean
//! absolute error, and the same photo's unconverted values must be far from that reference,
//! so a desk that forgot to convert would fail. The tools are required, never skipped:
//! `scripts/setup.sh` installs them (imagemagick, libheif-examples, libimage-exiftool-perl,
//! colord-data and libgs-common for the profiles).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;

use dateline::model::PhotoFields;
use dateline::photo::{CropRequest, Format, RenditionOptions};
use dateline::{ErrorCode, Workspace};

const SRGB: &str = "/usr/share/color/icc/colord/sRGB.icc";
const ADOBE_RGB: &str = "/usr/share/color/icc/colord/AdobeRGB1998.icc";
const CMYK: &str = "/usr/share/color/icc/ghostscript/default_cmyk.icc";

/// The picture every test photo is made from.
const W: u32 = 1200;
const H: u32 = 675;
/// The rendition compared.
const OUT_W: u32 = 600;
/// The largest mean absolute error accepted against the reference, in % of full scale.
const MAX_MAE: f64 = 1.5;

fn run(cmd: &mut Command) -> Vec<u8> {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{cmd:?} could not start ({e}); run scripts/setup.sh"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn require(path: &str) {
    assert!(
        Path::new(path).exists(),
        "{path} is missing: run scripts/setup.sh (colord-data, libgs-common)"
    );
}

/// Smooth sweeps of hue (across) and of lightness and saturation (down), as 8- or 16-bit PPM.
fn picture(dir: &Path, sixteen: bool) -> PathBuf {
    let max = if sixteen { 65535.0 } else { 255.0 };
    let mut ppm = format!("P6\n{W} {H}\n{}\n", max as u32).into_bytes();
    for y in 0..H {
        for x in 0..W {
            let h = f64::from(x) / f64::from(W) * 6.0;
            let v = 0.35 + 0.65 * f64::from(y) / f64::from(H);
            let s = 1.0 - 0.5 * f64::from(y) / f64::from(H);
            let f = |n: f64| {
                let k = (n + h) % 6.0;
                v - v * s * k.min(4.0 - k).clamp(0.0, 1.0)
            };
            for c in [f(5.0), f(3.0), f(1.0)] {
                let c = (c * max).round();
                if sixteen {
                    ppm.extend_from_slice(&(c as u16).to_be_bytes());
                } else {
                    ppm.push(c as u8);
                }
            }
        }
    }
    let path = dir.join(if sixteen { "src16.ppm" } else { "src.ppm" });
    std::fs::write(&path, ppm).expect("writes the picture");
    path
}

/// An RGB profile from primaries with sRGB's tone curve, written by Little CMS: Display P3
/// (DCI-P3 primaries, D65 white), which no Debian package ships.
fn display_p3(dir: &Path) -> PathBuf {
    use lcms2::{CIExyY, CIExyYTRIPLE, Locale, Profile, Tag, TagSignature, ToneCurve, MLU};
    let xy = |x, y| CIExyY { x, y, Y: 1.0 };
    let curve =
        ToneCurve::new_parametric(4, &[2.4, 1.0 / 1.055, 0.055 / 1.055, 1.0 / 12.92, 0.04045])
            .expect("sRGB curve");
    let mut p = Profile::new_rgb(
        &xy(0.3127, 0.3290),
        &CIExyYTRIPLE {
            Red: xy(0.680, 0.320),
            Green: xy(0.265, 0.690),
            Blue: xy(0.150, 0.060),
        },
        &[&curve, &curve, &curve],
    )
    .expect("a Display P3 profile");
    let mut mlu = MLU::new(1);
    mlu.set_text_ascii("Display P3", Locale::none());
    assert!(p.write_tag(TagSignature::ProfileDescriptionTag, Tag::MLU(&mlu)));
    let path = dir.join("display-p3.icc");
    std::fs::write(&path, p.icc().expect("ICC bytes")).expect("writes the profile");
    path
}

/// 8-bit RGB pixels of any picture ImageMagick reads, at `w` × `h`, without colour changes.
fn pixels(path: &Path, resize: Option<(u32, u32)>) -> Vec<u8> {
    let mut cmd = Command::new("convert");
    cmd.arg(path);
    if let Some((w, h)) = resize {
        cmd.args(["-resize", &format!("{w}x{h}!")]);
    }
    cmd.args(["-depth", "8", "rgb:-"]);
    run(&mut cmd)
}

/// ImageMagick's colour-managed conversion of `path` into sRGB, resized like the rendition.
fn reference(path: &Path, w: u32, h: u32) -> Vec<u8> {
    run(Command::new("convert").arg(path).args([
        "-intent",
        "Perceptual",
        "-profile",
        SRGB,
        "-resize",
        &format!("{w}x{h}!"),
        "-depth",
        "8",
        "rgb:-",
    ]))
}

/// Mean absolute error between two pictures of the same size, in % of full scale.
fn mae(a: &[u8], b: &[u8]) -> f64 {
    assert_eq!(a.len(), b.len(), "same size");
    let sum: u64 = a
        .iter()
        .zip(b)
        .map(|(x, y)| u64::from(x.abs_diff(*y)))
        .sum();
    sum as f64 / a.len() as f64 / 255.0 * 100.0
}

fn fields() -> PhotoFields {
    PhotoFields {
        caption: "Fishermen bring in the morning catch at Puerto Peñasco.".into(),
        creator: "Ana Peña".into(),
        agency: "Reuters".into(),
        copyright: "© 2026 Reuters".into(),
        alt_text: "Boats on a beach at dawn.".into(),
        ..PhotoFields::default()
    }
}

fn exiftool(path: &Path) -> serde_json::Value {
    let out = run(Command::new("exiftool").args(["-j", "-G1", "-a"]).arg(path));
    let json: serde_json::Value = serde_json::from_slice(&out).expect("exiftool JSON");
    json[0].clone()
}

/// Imports `photo`, renders its whole frame (16:9) at 600 pixels in JPEG and WebP and its
/// thumbnail, and checks each against the colour-managed reference; returns the JPEG's error
/// and the unconverted values' error against the same reference.
fn check(photo: &Path, reference_of: &Path) -> (f64, f64) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(dir.path()).expect("workspace");
    let p = ws.import_photo(photo).expect("imports");
    assert_eq!((p.width, p.height), (W, H), "{}", photo.display());
    ws.update_photo(p.id, fields(), p.focus).expect("credits");
    ws.set_crop(
        p.id,
        CropRequest {
            name: "hero".into(),
            aspect: "16:9".into(),
            ..Default::default()
        },
    )
    .expect("crop");
    let set = ws
        .render_crop(
            p.id,
            "hero",
            &RenditionOptions {
                widths: vec![OUT_W],
                ..RenditionOptions::default()
            },
            &|_| {},
            &AtomicBool::new(false),
        )
        .expect("renders");
    let oh = OUT_W * H / W + 1;
    let want = reference(reference_of, OUT_W, oh);
    let mut jpeg_mae = 0.0;
    for r in &set.outputs {
        assert_eq!((r.width, r.height), (OUT_W, oh));
        let got = pixels(&r.path, None);
        let e = mae(&got, &want);
        eprintln!("{}: {:?} MAE {e:.2} %", photo.display(), r.format);
        assert!(
            e <= MAX_MAE,
            "{}: {:?} MAE {e:.2} %",
            photo.display(),
            r.format
        );
        if r.format == Format::Jpeg {
            jpeg_mae = e;
        }
        let tags = exiftool(&r.path);
        let profile = tags["ICC_Profile:ProfileDescription"]
            .as_str()
            .unwrap_or_default();
        assert!(
            profile.contains("sRGB"),
            "{}: tagged sRGB, not “{profile}”",
            r.path.display()
        );
        assert_eq!(tags["XMP-dc:Creator"].as_str(), Some("Ana Peña"), "{tags}");
        assert_eq!(
            tags["XMP-photoshop:Credit"].as_str(),
            Some("Reuters"),
            "{tags}"
        );
        if r.format == Format::Jpeg {
            assert_eq!(tags["IPTC:By-line"].as_str(), Some("Ana Peña"), "{tags}");
        }
    }
    // The thumbnail of the desk's grid is converted too.
    let thumb = ws.thumbnail_job(p.id).expect("job").make().expect("thumb");
    let (tw, th) = (480, 480 * H / W);
    let e = mae(&pixels(&thumb, None), &reference(reference_of, tw, th));
    assert!(e <= MAX_MAE, "thumbnail MAE {e:.2} %");
    // What a desk that ignored the profile would have published.
    let unconverted = mae(&pixels(reference_of, Some((OUT_W, oh))), &want);
    (jpeg_mae, unconverted)
}

fn assert_converted(name: &str, (got, unconverted): (f64, f64)) {
    eprintln!("{name}: rendition {got:.2} %, unconverted {unconverted:.2} %");
    assert!(
        unconverted > 2.0 * MAX_MAE,
        "{name}: the test photo must be far from sRGB to prove anything ({unconverted:.2} %)"
    );
}

#[test]
fn issue_16_adobe_rgb_jpeg_is_published_in_srgb() {
    require(ADOBE_RGB);
    require(SRGB);
    let dir = tempfile::tempdir().expect("temp dir");
    let photo = dir.path().join("adobe-rgb.jpg");
    run(Command::new("convert")
        .arg(picture(dir.path(), false))
        .args(["-profile", ADOBE_RGB, "-quality", "95"])
        .arg(&photo));
    assert_converted("Adobe RGB JPEG", check(&photo, &photo));
}

#[test]
fn issue_16_png_with_an_iccp_chunk_and_webp_with_iccp_are_published_in_srgb() {
    require(SRGB);
    let dir = tempfile::tempdir().expect("temp dir");
    let p3 = display_p3(dir.path());
    let src = picture(dir.path(), false);
    for name in ["display-p3.png", "display-p3.webp"] {
        let photo = dir.path().join(name);
        run(Command::new("convert")
            .arg(&src)
            .arg("-profile")
            .arg(&p3)
            .args(["-quality", "100"])
            .arg(&photo));
        let tags = exiftool(&photo);
        assert_eq!(
            tags["ICC_Profile:ProfileDescription"].as_str(),
            Some("Display P3"),
            "{name} carries its profile"
        );
        assert_converted(name, check(&photo, &photo));
    }
}

#[test]
fn issue_16_cmyk_jpeg_with_a_profile_is_published_in_srgb() {
    require(CMYK);
    require(SRGB);
    let dir = tempfile::tempdir().expect("temp dir");
    let photo = dir.path().join("cmyk.jpg");
    run(Command::new("convert")
        .arg(picture(dir.path(), false))
        .args(["-profile", SRGB, "-intent", "Perceptual", "-profile", CMYK])
        .args(["-quality", "95"])
        .arg(&photo));
    let tags = exiftool(&photo);
    assert_eq!(
        tags["ICC-header:ColorSpaceData"].as_str(),
        Some("CMYK"),
        "{tags}"
    );
    let (got, _) = check(&photo, &photo);
    eprintln!("CMYK JPEG: rendition {got:.2} %");
}

#[test]
fn issue_16_sixteen_bit_tiff_with_iptc_is_imported_like_a_jpeg() {
    require(ADOBE_RGB);
    require(SRGB);
    let dir = tempfile::tempdir().expect("temp dir");
    let src = picture(dir.path(), true);
    for (name, compress) in [("agency-lzw.tif", "LZW"), ("agency-deflate.tif", "Zip")] {
        let photo = dir.path().join(name);
        run(Command::new("convert")
            .arg(&src)
            .args(["-profile", ADOBE_RGB, "-depth", "16", "-compress", compress])
            .arg(&photo));
        run(Command::new("exiftool")
            .args([
                "-overwrite_original",
                "-IPTC:CodedCharacterSet=UTF8",
                "-IPTC:By-line=Ana Peña",
                "-IPTC:Credit=Reuters",
                "-IPTC:Caption-Abstract=Fishermen at Puerto Peñasco.",
                "-XMP-iptcCore:AltTextAccessibility=Boats on a beach at dawn.",
            ])
            .arg(&photo));
        let tags = exiftool(&photo);
        assert_eq!(
            tags["IFD0:BitsPerSample"].as_str(),
            Some("16 16 16"),
            "{tags}"
        );

        let tmp = tempfile::tempdir().expect("temp dir");
        let mut ws = Workspace::open(tmp.path()).expect("workspace");
        let bytes = std::fs::read(&photo).expect("reads");
        let p = ws.import_photo(&photo).expect("imports a TIFF");
        assert_eq!(p.mime, "image/tiff");
        assert_eq!(
            p.fields.creator, "Ana Peña",
            "IPTC By-line from the TIFF tag"
        );
        assert_eq!(p.fields.agency, "Reuters");
        assert_eq!(p.fields.caption, "Fishermen at Puerto Peñasco.");
        assert_eq!(
            p.fields.alt_text, "Boats on a beach at dawn.",
            "XMP from tag 700"
        );
        let original = ws.photo_original(p.id).expect("original");
        assert_eq!(std::fs::read(original).expect("reads"), bytes, "byte-exact");
        drop(ws);
        assert_converted(name, check(&photo, &photo));
    }
}

#[test]
fn issue_16_display_p3_heic_from_a_phone_is_imported_with_its_metadata() {
    require(SRGB);
    let dir = tempfile::tempdir().expect("temp dir");
    let p3 = display_p3(dir.path());
    let png = dir.path().join("p3.png");
    run(Command::new("convert")
        .arg(picture(dir.path(), false))
        .arg("-profile")
        .arg(&p3)
        .arg(&png));
    let photo = dir.path().join("iphone.heic");
    run(Command::new("heif-enc")
        .args(["-q", "95", "-p", "chroma=444"])
        .arg(&png)
        .arg("-o")
        .arg(&photo));
    run(Command::new("exiftool")
        .args([
            "-overwrite_original",
            "-EXIF:Artist=Ana Peña",
            "-EXIF:Make=Apple",
            "-XMP-dc:Creator=Ana Peña",
            "-XMP-photoshop:Credit=Ana Peña/Reuters",
            "-XMP-iptcCore:AltTextAccessibility=Boats on a beach at dawn.",
        ])
        .arg(&photo));
    // The reference decodes the HEIC with libheif's own tool, then converts it.
    let decoded = dir.path().join("decoded.png");
    run(Command::new("heif-convert").arg(&photo).arg(&decoded));
    assert_eq!(
        exiftool(&decoded)["ICC_Profile:ProfileDescription"].as_str(),
        Some("Display P3")
    );

    let tmp = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(tmp.path()).expect("workspace");
    let p = ws.import_photo(&photo).expect("imports a HEIC");
    assert_eq!(p.mime, "image/heic");
    assert_eq!(p.fields.creator, "Ana Peña");
    assert_eq!(p.fields.alt_text, "Boats on a beach at dawn.");
    let meta = ws.photo_metadata(p.id).expect("metadata");
    assert!(
        format!("{:?}", meta.exif).contains("Apple"),
        "EXIF read: {:?}",
        meta.exif
    );
    drop(ws);
    assert_converted("Display P3 HEIC", check(&photo, &decoded));
}

#[test]
fn issue_16_a_rotated_heic_and_tiff_come_out_upright() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = picture(dir.path(), false);
    // A portrait phone photo (its pixels encoded upright), and an agency TIFF whose
    // orientation tag turns a landscape frame.
    let turned = dir.path().join("turned.png");
    run(Command::new("convert")
        .arg(&src)
        .args(["-rotate", "90"])
        .arg(&turned));
    let heic = dir.path().join("portrait.heic");
    run(Command::new("heif-enc").arg(&turned).arg("-o").arg(&heic));
    let tif = dir.path().join("portrait.tif");
    run(Command::new("convert").arg(&src).arg(&tif));
    run(Command::new("exiftool")
        .args(["-overwrite_original", "-IFD0:Orientation#=6"])
        .arg(&tif));
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(tmp.path()).expect("workspace");
    for photo in [&heic, &tif] {
        let p = ws.import_photo(photo).expect("imports");
        assert_eq!(
            (p.width, p.height),
            (H, W),
            "{} is upright",
            photo.display()
        );
    }
}

#[test]
fn issue_16_an_srgb_photo_pays_nothing_and_comes_out_unchanged() {
    require(SRGB);
    let dir = tempfile::tempdir().expect("temp dir");
    let photo = dir.path().join("srgb.jpg");
    run(Command::new("convert")
        .arg(picture(dir.path(), false))
        .args(["-profile", SRGB, "-quality", "95"])
        .arg(&photo));
    let (got, unconverted) = check(&photo, &photo);
    // An sRGB photo's reference is its own values: nothing to convert.
    assert!(unconverted < 0.5, "{unconverted}");
    assert!(got <= MAX_MAE, "{got}");
}

fn refused(name: &str, bytes: &[u8], says: &[&str]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("writes");
    let mut ws = Workspace::open(&dir.path().join("desk")).expect("workspace");
    let e = ws.import_photo(&path).expect_err("refused");
    assert_eq!(e.code(), ErrorCode::BadPhoto);
    let msg = e.to_string();
    for word in says {
        assert!(msg.contains(word), "“{word}” in: {msg}");
    }
    assert!(ws.photos().expect("photos").is_empty());
}

#[test]
fn issue_16_raw_gif_and_psd_are_refused_saying_what_to_do() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = picture(dir.path(), false);
    let what_to_do = "Export it as JPEG or TIFF from your photo editor";
    // A DNG is a TIFF with a DNGVersion tag; a NEF is a TIFF by its name.
    let tif = dir.path().join("frame.tif");
    run(Command::new("convert").arg(&src).arg(&tif));
    let tiff_bytes = std::fs::read(&tif).expect("reads");
    refused(
        "DSC_0042.NEF",
        &tiff_bytes,
        &["camera RAW", "(NEF)", what_to_do],
    );
    run(Command::new("exiftool")
        .args(["-overwrite_original", "-DNGVersion=1.4.0.0"])
        .arg(&tif));
    refused(
        "IMG_0042.dng",
        &std::fs::read(&tif).expect("reads"),
        &["camera RAW", what_to_do],
    );
    refused(
        "DSCF0042.RAF",
        b"FUJIFILMCCD-RAW 0201FF383501",
        &["camera RAW", what_to_do],
    );
    let gif = dir.path().join("loop.gif");
    run(Command::new("convert")
        .args([
            "-delay", "20", "-size", "40x30", "xc:red", "xc:blue", "-loop", "0",
        ])
        .arg(&gif));
    refused(
        "loop.gif",
        &std::fs::read(&gif).expect("reads"),
        &["GIF animation", what_to_do],
    );
    let psd = dir.path().join("layout.psd");
    run(Command::new("convert").arg(&src).arg(&psd));
    refused(
        "layout.psd",
        &std::fs::read(&psd).expect("reads"),
        &["Photoshop document (PSD)", what_to_do],
    );
}

#[test]
fn issue_16_a_huge_tiff_is_refused_before_any_pixel_is_decoded() {
    // A TIFF header claiming 40,000 × 40,000 pixels over a few bytes of data.
    let mut b = b"II*\0".to_vec();
    b.extend_from_slice(&8u32.to_le_bytes());
    let entries: [(u16, u16, u32, u32); 8] = [
        (256, 4, 1, 40_000),
        (257, 4, 1, 40_000),
        (258, 3, 1, 8),
        (259, 3, 1, 1),
        (262, 3, 1, 1),
        (273, 4, 1, 200),
        (278, 4, 1, 40_000),
        (279, 4, 1, 16),
    ];
    b.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    for (tag, kind, n, v) in entries {
        b.extend_from_slice(&tag.to_le_bytes());
        b.extend_from_slice(&kind.to_le_bytes());
        b.extend_from_slice(&n.to_le_bytes());
        b.extend_from_slice(&v.to_le_bytes());
    }
    b.extend_from_slice(&0u32.to_le_bytes());
    b.resize(216, 0);
    refused(
        "scan.tif",
        &b,
        &["40000 × 40000", "larger than Dateline accepts"],
    );
}

#[test]
fn issue_16_the_crop_view_shows_an_srgb_copy_of_what_a_web_view_cannot_show() {
    require(ADOBE_RGB);
    require(SRGB);
    let dir = tempfile::tempdir().expect("temp dir");
    let src = picture(dir.path(), false);
    let make = |name: &str, profile: &str| {
        let photo = dir.path().join(name);
        run(Command::new("convert")
            .arg(&src)
            .args(["-profile", profile])
            .arg(&photo));
        photo
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::open(tmp.path()).expect("workspace");
    let srgb = ws.import_photo(&make("srgb.jpg", SRGB)).expect("imports");
    assert!(
        ws.view_job(srgb.id).expect("job").is_none(),
        "an sRGB JPEG is shown as it is"
    );
    for name in ["adobe.jpg", "adobe.tif"] {
        let p = ws.import_photo(&make(name, ADOBE_RGB)).expect("imports");
        let view = ws
            .view_job(p.id)
            .expect("job")
            .unwrap_or_else(|| panic!("{name} needs an sRGB copy"))
            .make()
            .expect("made");
        let tags = exiftool(&view);
        assert_eq!(tags["File:FileType"].as_str(), Some("JPEG"), "{name}");
        assert_eq!(
            tags["Composite:ImageSize"].as_str(),
            Some("1200x675"),
            "{name}"
        );
        assert!(tags["ICC_Profile:ProfileDescription"]
            .as_str()
            .is_some_and(|d| d.contains("sRGB")));
    }
}
