//! The decode cache of one export: each original is decoded once, and every rendition and
//! composite cell cut from it during that export (the hero in 16:9 at three widths, then in
//! 4:3 and 1:1; a body photo that is also the hero) is resized from the same pixels.
//!
//! It lives only while a [`DecodeScope`] is held (the export holds one for the whole
//! assembly: `export::Package::assemble`) and only on the thread that opened it, so nothing
//! outlives the export and no caller has to pass it along: `render_set` and
//! `composite::render` ask [`decode_regions`], which looks the original up here when a scope
//! is open and decodes it plainly otherwise (the editor's own "make renditions" keeps no
//! pixels around). Its memory is bounded: past [`BUDGET`] bytes of pixels the least recently
//! used originals are dropped (the one just asked for is always kept), and they go when the
//! scope ends.
//!
//! What is cached is exactly what a decode gives ([`Decoded`]: the file's raw, unrotated
//! pixels, possibly shrunk on load, and the sRGB conversion still owed to them), so a
//! rendition made from a cached decode is the same, byte for byte, as one made from a fresh
//! decode at that size: orientation and colour are applied to each small resized copy, as
//! before. An original is decoded only as large as the want asks ([`reduction`]: a JPEG at
//! 1/2, 1/4 or 1/8 when the widest resize still gets 1.25× its pixels); a later want that
//! needs more pixels decodes it again, larger (an export asks for its widest first).

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::pixels::{decode_reduced, Decoded};
use crate::error::Result;
use crate::photo::crop::PixelRect;

/// The most pixel bytes kept at once: two 24-megapixel originals (72 MB each as 8-bit RGB),
/// the most a composite of two asks for together, with room for a third smaller one.
pub const BUDGET: usize = 200 * 1024 * 1024;

/// Which original: its path (originals are named by their SHA-256, so the path is the
/// content), with its length and a fingerprint of its first and last bytes as a guard
/// against a caller handing another file under the same name.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    path: PathBuf,
    len: usize,
    fingerprint: u64,
}

impl Key {
    fn of(bytes: &[u8], path: &Path) -> Key {
        use std::hash::{Hash, Hasher};
        const EDGE: usize = 64 * 1024;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        bytes[..bytes.len().min(EDGE)].hash(&mut h);
        bytes[bytes.len().saturating_sub(EDGE)..].hash(&mut h);
        Key {
            path: path.to_path_buf(),
            len: bytes.len(),
            fingerprint: h.finish(),
        }
    }
}

struct Entry {
    key: Key,
    decoded: Rc<Decoded>,
    /// When it was last asked for (a counter), for the least-recently-used eviction.
    used: u64,
}

/// The originals decoded during one export. See the module's documentation.
pub struct DecodeCache {
    entries: RefCell<Vec<Entry>>,
    budget: usize,
    clock: RefCell<u64>,
    /// How many originals were decoded (not found) through this cache.
    decodes: RefCell<usize>,
}

impl DecodeCache {
    fn new(budget: usize) -> DecodeCache {
        DecodeCache {
            entries: RefCell::new(Vec::new()),
            budget,
            clock: RefCell::new(0),
            decodes: RefCell::new(0),
        }
    }

    /// How many originals were decoded through this cache so far (a found one is not
    /// counted): one export of a composite of two photos decodes 2.
    pub fn decodes(&self) -> usize {
        *self.decodes.borrow()
    }

    fn tick(&self) -> u64 {
        let mut c = self.clock.borrow_mut();
        *c += 1;
        *c
    }

    /// The original `key` decoded at 1/`reduce` of its size or larger.
    fn find(&self, key: &Key, reduce: u32) -> Option<Rc<Decoded>> {
        let now = self.tick();
        let mut entries = self.entries.borrow_mut();
        let e = entries
            .iter_mut()
            .find(|e| e.key == *key && e.decoded.reduce <= reduce)?;
        e.used = now;
        Some(Rc::clone(&e.decoded))
    }

    fn insert(&self, key: Key, decoded: Rc<Decoded>) {
        *self.decodes.borrow_mut() += 1;
        let now = self.tick();
        let mut entries = self.entries.borrow_mut();
        entries.retain(|e| e.key != key);
        entries.push(Entry {
            key,
            decoded,
            used: now,
        });
        // Over budget: drop the least recently used, never the one just added.
        loop {
            let total: usize = entries.iter().map(|e| e.decoded.raster.rgb.len()).sum();
            if total <= self.budget || entries.len() <= 1 {
                break;
            }
            let Some(oldest) = entries
                .iter()
                .enumerate()
                .filter(|(_, e)| e.used != now)
                .min_by_key(|(_, e)| e.used)
                .map(|(i, _)| i)
            else {
                break;
            };
            entries.remove(oldest);
        }
    }

    /// The pixel bytes held now.
    pub fn bytes(&self) -> usize {
        self.entries
            .borrow()
            .iter()
            .map(|e| e.decoded.raster.rgb.len())
            .sum()
    }
}

thread_local! {
    static ACTIVE: RefCell<Option<Rc<DecodeCache>>> = const { RefCell::new(None) };
}

/// Keeps this thread's decode cache open; dropping it frees every pixel the cache holds.
/// Scopes nest: an inner one shares the outer one's cache and closes nothing.
pub struct DecodeScope {
    cache: Rc<DecodeCache>,
    outer: bool,
}

impl DecodeScope {
    /// Opens (or joins) this thread's decode cache.
    pub fn open() -> DecodeScope {
        ACTIVE.with(|a| {
            let mut a = a.borrow_mut();
            match &*a {
                Some(c) => DecodeScope {
                    cache: Rc::clone(c),
                    outer: false,
                },
                None => {
                    let c = Rc::new(DecodeCache::new(BUDGET));
                    *a = Some(Rc::clone(&c));
                    DecodeScope {
                        cache: c,
                        outer: true,
                    }
                }
            }
        })
    }

    /// The cache this scope keeps open (for its counters).
    pub fn cache(&self) -> &DecodeCache {
        &self.cache
    }
}

impl Drop for DecodeScope {
    fn drop(&mut self) {
        if self.outer {
            ACTIVE.with(|a| a.borrow_mut().take());
        }
    }
}

fn active() -> Option<Rc<DecodeCache>> {
    ACTIVE.with(|a| a.borrow().clone())
}

/// One original to cut from: its bytes, its path (for messages and as its key), the
/// rectangle of its raw pixels wanted, and the largest size (in raw orientation) it will be
/// resized to from these pixels.
pub(crate) struct Want<'a> {
    pub bytes: &'a [u8],
    pub path: &'a Path,
    pub raw: PixelRect,
    pub out: (u32, u32),
}

/// Shrink-on-load: the largest fraction (1/8, 1/4, 1/2, else 1) at which `raw` still has at
/// least 1.25 times `out` pixels each way, so the resize never enlarges and still has pixels
/// to filter (a scaled inverse DCT averages blocks: resized 1:1 from it, sharp edges of a
/// drawing came out softer than Lanczos from the whole photo; see the test
/// `a_scaled_decode_makes_the_same_rendition_as_a_full_one`). The 2048-wide 16:9 composite
/// cell (1020 × 1152) of a 6000 × 4000 photo is cut from 3544 × 4000 raw pixels: 1/2; so is
/// a 2048-wide rendition of the whole photo (3000 ≥ 1.25 × 2048).
pub(crate) fn reduction(raw: PixelRect, out: (u32, u32)) -> u32 {
    [8, 4, 2]
        .into_iter()
        .find(|&d| {
            u64::from(raw.width / d) * 4 >= u64::from(out.0) * 5
                && u64::from(raw.height / d) * 4 >= u64::from(out.1) * 5
        })
        .unwrap_or(1)
}

/// A rectangle of decoded pixels (x, y, width, height), fractional, as the resizer takes it.
pub(crate) type Region = (f64, f64, f64, f64);

/// The decoded pixels of each of `wants`, with the rectangle (fractional, in those pixels) to
/// resize from: found in this thread's decode cache when a scope is open (decoded at least as
/// large as the want's [`reduction`] allows), otherwise decoded at that reduction.
pub(crate) fn decode_regions(wants: &[Want<'_>]) -> Result<Vec<(Rc<Decoded>, Region)>> {
    let cache = active();
    let keys: Vec<Key> = wants.iter().map(|w| Key::of(w.bytes, w.path)).collect();
    // The same original asked twice in one call is decoded once, for the larger need.
    let reduce: Vec<u32> = keys
        .iter()
        .map(|k| {
            keys.iter()
                .zip(wants)
                .filter(|(o, _)| *o == k)
                .map(|(_, w)| reduction(w.raw, w.out))
                .min()
                .unwrap_or(1)
        })
        .collect();
    let mut found: Vec<Option<Rc<Decoded>>> = keys
        .iter()
        .zip(&reduce)
        .map(|(k, &r)| cache.as_ref().and_then(|c| c.find(k, r)))
        .collect();
    let mut todo: Vec<usize> = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        if found[i].is_none() && !todo.iter().any(|&j| keys[j] == *k) {
            todo.push(i);
        }
    }
    // One after the other: jpeg-decoder already runs a decode's inverse DCT and colour
    // conversion on both cores (rayon), and a thread per original measured no faster
    // (0.78 s against 0.68 s, medians of 10, for the composite of two 24 MP photos) for
    // 15 MB more.
    let fresh: Vec<Result<Decoded>> = todo
        .iter()
        .map(|&i| decode_reduced(wants[i].bytes, wants[i].path, reduce[i]))
        .collect();
    for (&i, d) in todo.iter().zip(fresh) {
        let d = Rc::new(d?);
        if let Some(c) = &cache {
            c.insert(keys[i].clone(), Rc::clone(&d));
        }
        found[i] = Some(d);
    }
    let mut out = Vec::with_capacity(wants.len());
    for (i, w) in wants.iter().enumerate() {
        let d = match &found[i] {
            Some(d) => Rc::clone(d),
            // A repeat within this call: the first one's pixels.
            None => {
                let j = keys.iter().position(|k| *k == keys[i]).unwrap_or(i);
                found[j]
                    .clone()
                    .ok_or_else(|| crate::error::Error::invalid("rendition", "missing decode"))?
            }
        };
        // In the decoded pixels: one of them covers `reduce` × `reduce` of the file's.
        let f = f64::from(d.reduce);
        let r = (
            f64::from(w.raw.x) / f,
            f64::from(w.raw.y) / f,
            f64::from(w.raw.width) / f,
            f64::from(w.raw.height) / f,
        );
        out.push((d, r));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::photo::rendition::Raster;

    fn decoded(n: usize) -> Rc<Decoded> {
        Rc::new(Decoded {
            raster: Raster {
                width: 1,
                height: 1,
                rgb: vec![0; n],
            },
            to_srgb: None,
            reduce: 1,
        })
    }

    fn key(name: &str) -> Key {
        Key::of(name.as_bytes(), Path::new(name))
    }

    #[test]
    fn the_least_recently_used_goes_past_the_budget() {
        let c = DecodeCache::new(100);
        c.insert(key("a"), decoded(40));
        c.insert(key("b"), decoded(40));
        assert!(c.find(&key("a"), 1).is_some());
        c.insert(key("c"), decoded(40));
        assert!(c.find(&key("b"), 1).is_none(), "b was used least recently");
        assert!(c.find(&key("a"), 1).is_some());
        assert!(c.find(&key("c"), 1).is_some());
        assert_eq!(c.bytes(), 80);
        // One larger than the whole budget is still kept (alone) while it is the newest.
        c.insert(key("d"), decoded(150));
        assert_eq!(c.bytes(), 150);
        assert_eq!(c.decodes(), 4);
    }

    #[test]
    fn scopes_nest_and_free_at_the_end() {
        assert!(active().is_none());
        {
            let outer = DecodeScope::open();
            outer.cache().insert(key("a"), decoded(3));
            {
                let inner = DecodeScope::open();
                assert_eq!(inner.cache().bytes(), 3, "the inner scope shares the cache");
            }
            assert!(active().is_some(), "the inner scope closes nothing");
        }
        assert!(active().is_none());
    }

    #[test]
    fn another_file_under_the_same_path_is_not_found() {
        let p = Path::new("/originals/abc.jpg");
        assert_eq!(Key::of(b"one", p), Key::of(b"one", p));
        assert_ne!(Key::of(b"one", p), Key::of(b"two", p));
        assert_ne!(Key::of(b"one", p), Key::of(b"one", Path::new("/x.jpg")));
    }
}
