//! The shapes front matter takes in the wild, read leniently: tags as a list or one
//! comma-separated string, a byline as a name or a map with a role, bylines as one or a list,
//! a status in any case.

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::model::Status;

#[derive(Debug)]
pub(super) struct FmByline {
    pub(super) name: String,
    pub(super) role: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FmBylineMap {
    name: String,
    #[serde(default)]
    role: Option<String>,
}

/// A byline is `{ name, role }` or, for short, just the name.
impl<'de> Deserialize<'de> for FmByline {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FmByline;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a byline: a name, or `{ name: …, role: … }`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<FmByline, E> {
                Ok(FmByline {
                    name: v.to_string(),
                    role: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<FmByline, A::Error> {
                let m = FmBylineMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(FmByline {
                    name: m.name,
                    role: m.role,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// Tags are a list, or for short one tag.
#[derive(Debug, Default)]
pub(super) struct Tags(pub(super) Vec<String>);

impl<'de> Deserialize<'de> for Tags {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Tags;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of tags, like [economy, mexico]")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Tags, E> {
                Ok(Tags(vec![v.to_string()]))
            }
            fn visit_unit<E: de::Error>(self) -> std::result::Result<Tags, E> {
                Ok(Tags::default())
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Tags, A::Error> {
                let mut tags = Vec::new();
                while let Some(t) = seq.next_element::<String>()? {
                    tags.push(t);
                }
                Ok(Tags(tags))
            }
        }
        d.deserialize_any(V)
    }
}

/// A status by machine name or newsroom label ("in_edit", "In edit").
#[derive(Debug, Default)]
pub(super) struct FmStatus(pub(super) Option<Status>);

impl<'de> Deserialize<'de> for FmStatus {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = Option::<String>::deserialize(d)?;
        match s {
            None => Ok(FmStatus(None)),
            Some(s) => Status::parse(&s)
                .map(|st| FmStatus(Some(st)))
                .ok_or_else(|| {
                    let known: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
                    de::Error::custom(format!(
                        "“{s}” is not a status; use one of {}",
                        known.join(", ")
                    ))
                }),
        }
    }
}

/// Bylines are a list of names or `{ name, role }` maps; for short, one name or one map.
#[derive(Debug, Default)]
pub(super) struct Bylines(pub(super) Vec<FmByline>);

impl<'de> Deserialize<'de> for Bylines {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Bylines;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("bylines: a name, a list of names, or `{ name: …, role: … }` maps")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Bylines, E> {
                // "Ana and Luis" stays one name: splitting it is the desk's call, not ours.
                Ok(Bylines(vec![FmByline {
                    name: v.to_string(),
                    role: None,
                }]))
            }
            fn visit_unit<E: de::Error>(self) -> std::result::Result<Bylines, E> {
                Ok(Bylines::default())
            }
            fn visit_none<E: de::Error>(self) -> std::result::Result<Bylines, E> {
                Ok(Bylines::default())
            }
            fn visit_seq<A: SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<Bylines, A::Error> {
                let mut out = Vec::new();
                while let Some(b) = seq.next_element::<FmByline>()? {
                    out.push(b);
                }
                Ok(Bylines(out))
            }
            fn visit_map<A: MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<Bylines, A::Error> {
                let b = FmByline::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Bylines(vec![b]))
            }
        }
        d.deserialize_any(V)
    }
}
