//! The desk's code replacements (`=rtr=` → "Reuters"), as the photo desk types them.

use rusqlite::params;

use super::Tx;
use crate::error::{Error, Result};
use crate::model::CodeReplacement;

impl Tx<'_> {
    pub fn code_replacements(&self) -> Result<Vec<CodeReplacement>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT code, expansion FROM code_replacements ORDER BY code")?;
        let rows = st.query_map([], |r| {
            Ok(CodeReplacement {
                code: r.get(0)?,
                expansion: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Saves a replacement, replacing the one with the same code.
    pub fn put_code_replacement(&self, r: &CodeReplacement) -> Result<()> {
        self.conn.execute(
            "INSERT INTO code_replacements (code, expansion) VALUES (?1, ?2)
             ON CONFLICT(code) DO UPDATE SET expansion = excluded.expansion",
            params![r.code, r.expansion],
        )?;
        Ok(())
    }

    pub fn delete_code_replacement(&self, code: &str) -> Result<()> {
        let n = self
            .conn
            .execute("DELETE FROM code_replacements WHERE code = ?1", [code])?;
        if n == 0 {
            return Err(Error::not_found("code replacement", code));
        }
        Ok(())
    }
}
