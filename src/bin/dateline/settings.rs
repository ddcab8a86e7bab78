//! `dateline settings`: the publication's house rules, shown or changed from the shell as the
//! window's Settings screen does (only the options given change).

use clap::Args;
use dateline::credit::HouseWords;
use dateline::i18n::Text;
use dateline::settings::Settings;
use dateline::{Error, Workspace};

use crate::output::Out;

#[derive(Args, Debug, Default)]
pub struct SettingsArgs {
    /// The publication's name ("Edited by …", the page's masthead and publisher).
    #[arg(long)]
    pub publication: Option<String>,
    /// The shape of a single-photo hero: 16:9, 3:2, 4:3, 1:1 or 4:5.
    #[arg(long, value_name = "ASPECT")]
    pub hero_aspect: Option<String>,
    /// Where a published story lives, e.g. https://news.example/{section}/{slug}/ ("" for
    /// packages side by side).
    #[arg(long, value_name = "PATTERN")]
    pub url_pattern: Option<String>,
    /// The folder packages go to by default ("" for ~/Dateline exports).
    #[arg(long, value_name = "PATH")]
    pub export_folder: Option<String>,
    /// House credit words of one language: LANG=CREDIT[,VIA[,EDITED BY]], e.g.
    /// "es=Foto:,vía,Edición:". Repeat for each language.
    #[arg(long, value_name = "LANG=WORDS")]
    pub credit_words: Vec<String>,
    #[arg(long)]
    pub headline_max: Option<u32>,
    #[arg(long)]
    pub dek_max: Option<u32>,
    #[arg(long)]
    pub alt_text_max: Option<u32>,
}

pub fn run(args: SettingsArgs, ws: &mut Workspace, out: &Out) -> Result<(), Error> {
    let mut s = ws.settings()?;
    let before = s.clone();
    if let Some(v) = args.publication {
        s.publication = v;
    }
    if let Some(v) = args.hero_aspect {
        s.hero_aspect = v;
    }
    if let Some(v) = args.url_pattern {
        s.url_pattern = v;
    }
    if let Some(v) = args.export_folder {
        s.export_folder = Some(v);
    }
    for spec in &args.credit_words {
        let words = house_words(spec)?;
        match s
            .house_words
            .iter_mut()
            .find(|w| w.language == words.language)
        {
            Some(w) => *w = words,
            None => s.house_words.push(words),
        }
    }
    s.headline_max = args.headline_max.unwrap_or(s.headline_max);
    s.dek_max = args.dek_max.unwrap_or(s.dek_max);
    s.alt_text_max = args.alt_text_max.unwrap_or(s.alt_text_max);
    let s = if s == before { s } else { ws.save_settings(s)? };
    out.value(&s, || human(&s));
    Ok(())
}

/// "es=Foto:,vía,Edición:" → the Spanish row; missing words keep English's.
fn house_words(spec: &str) -> Result<HouseWords, Error> {
    let (lang, words) = spec.split_once('=').ok_or_else(|| {
        Error::invalid(
            "credit_words",
            format!("“{spec}” should read LANG=CREDIT,VIA,EDITED BY, e.g. es=Foto:,vía,Edición:"),
        )
    })?;
    let mut parts = words.split(',').map(str::trim);
    let english = HouseWords::english();
    Ok(HouseWords {
        language: dateline::settings::primary(lang),
        credit: parts.next().unwrap_or_default().to_string(),
        via: parts.next().map_or(english.via, str::to_string),
        edited_by: parts.next().map_or(english.edited_by, str::to_string),
    })
}

fn human(s: &Settings) -> String {
    let label = |t: Text| format!("{}:", t.local());
    let mut rows = vec![
        (
            label(Text::new("cli-settings-publication")),
            s.publication.clone(),
        ),
        (
            label(Text::new("cli-settings-hero-shape")),
            s.hero_aspect.clone(),
        ),
        (
            label(Text::new("cli-settings-address")),
            if s.url_pattern.is_empty() {
                Text::new("cli-settings-side-by-side").local()
            } else {
                s.url_pattern.clone()
            },
        ),
        (
            label(Text::new("cli-settings-export-folder")),
            s.export_folder_now.clone(),
        ),
        (
            label(Text::new("cli-settings-lengths")),
            Text::new("cli-settings-lengths-value")
                .arg("headline", s.headline_max)
                .arg("dek", s.dek_max)
                .arg("alt", s.alt_text_max)
                .local(),
        ),
    ];
    for w in &s.house_words {
        rows.push((
            label(Text::new("cli-settings-credit-words").arg("language", &w.language)),
            format!("“{} …”, “… {} …”, “{} …”", w.credit, w.via, w.edited_by),
        ));
    }
    rows.push((
        label(Text::new("cli-settings-desk-folder")),
        s.desk_folder.clone(),
    ));
    // The values in one column, after the longest label.
    let width = rows
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0)
        + 1;
    rows.iter()
        .map(|(l, v)| format!("{l:<width$}{v}"))
        .collect::<Vec<_>>()
        .join("\n")
}
