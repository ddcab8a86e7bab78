//! The desk's catalogues: sections, author profiles and managed tags.

use crate::error::{Error, Result};
use crate::i18n::Text;
use crate::model::{Author, Section, TagInfo};

use super::{one_line, Workspace};

impl Workspace {
    pub fn sections(&self) -> Result<Vec<Section>> {
        self.store.read(|t| t.sections())
    }

    pub fn add_section(&mut self, name: &str) -> Result<Section> {
        let name = one_line(name);
        self.store.write(|t| t.add_section(&name))
    }

    /// Renames a section; its stories follow.
    pub fn rename_section(&mut self, id: i64, name: &str) -> Result<Section> {
        let name = one_line(name);
        if name.is_empty() {
            return Err(Error::invalid("name", Text::new("section-needs-name")));
        }
        self.store.write(|t| t.rename_section(id, &name))
    }

    /// Deletes a section that no story uses; refused (`InUse`) while any does.
    pub fn delete_section(&mut self, id: i64) -> Result<()> {
        self.store.write(|t| t.delete_section(id))
    }

    pub fn authors(&self) -> Result<Vec<Author>> {
        self.store.read(|t| t.authors())
    }

    /// The author profile a person names: by its id, or by its name in any case.
    pub fn author(&self, key: &str) -> Result<Author> {
        let key = one_line(key);
        let id = key.parse::<i64>().ok();
        let authors = self.authors()?;
        let by_id = authors.iter().position(|a| Some(a.id) == id);
        let by_name = || {
            authors
                .iter()
                .position(|a| a.name.eq_ignore_ascii_case(&key))
        };
        match by_id.or_else(by_name) {
            Some(i) => Ok(authors[i].clone()),
            None => Err(Error::not_found("author", key)),
        }
    }

    pub fn upsert_author(&mut self, name: &str, role: &str, bio: &str) -> Result<Author> {
        let name = one_line(name);
        if name.is_empty() {
            return Err(Error::invalid("name", Text::new("author-needs-name")));
        }
        self.store
            .write(|t| t.upsert_author(&name, role.trim(), bio.trim()))
    }

    /// Saves a profile as the People screen and `dateline author add` hand it over: a new
    /// one (`id` 0; an existing profile of that name takes the role and bio, and keeps its
    /// portrait unless one is given) or a change to one, portrait included, in one
    /// transaction.
    pub fn save_author(&mut self, author: &Author) -> Result<Author> {
        let name = one_line(&author.name);
        if name.is_empty() {
            return Err(Error::invalid("name", Text::new("author-needs-name")));
        }
        let (role, bio) = (author.role.trim(), author.bio.trim());
        self.store.write(|t| {
            let id = match author.id {
                0 => {
                    let a = t.upsert_author(&name, role, bio)?;
                    if author.portrait_photo_id.is_none() {
                        return Ok(a);
                    }
                    a.id
                }
                id => id,
            };
            t.update_author(id, &name, role, bio, author.portrait_photo_id)
        })
    }

    /// Changes an author's profile; the bylines linked to it take the new name.
    pub fn update_author(&mut self, author: &Author) -> Result<Author> {
        let name = one_line(&author.name);
        if name.is_empty() {
            return Err(Error::invalid("name", Text::new("author-needs-name")));
        }
        self.store.write(|t| {
            t.update_author(
                author.id,
                &name,
                author.role.trim(),
                author.bio.trim(),
                author.portrait_photo_id,
            )
        })
    }

    /// The managed tags with how many stories carry each.
    pub fn tags(&self) -> Result<Vec<TagInfo>> {
        self.store.read(|t| t.tags_list())
    }

    pub fn add_tag(&mut self, name: &str) -> Result<TagInfo> {
        let name = one_line(name);
        if name.is_empty() {
            return Err(Error::invalid("name", Text::new("tag-needs-name")));
        }
        self.store.write(|t| t.add_tag(&name))?;
        self.tags()?
            .into_iter()
            .find(|t| t.name.eq_ignore_ascii_case(&name))
            .ok_or_else(|| Error::not_found("tag", name))
    }

    /// Renames a tag on every story; onto an existing tag, the two merge. Returns how many
    /// stories changed.
    pub fn rename_tag(&mut self, old: &str, new: &str) -> Result<usize> {
        let new = one_line(new);
        if new.is_empty() {
            return Err(Error::invalid("name", Text::new("tag-needs-name")));
        }
        self.store.write(|t| t.rename_tag(old.trim(), &new))
    }

    /// Deletes a tag that no story carries; refused (`InUse`) while any does.
    pub fn delete_tag(&mut self, name: &str) -> Result<()> {
        self.store.write(|t| t.delete_tag(name.trim()))
    }
}
