//! `dateline settings` from the shell, as an editor scripts a desk: the house rules read and
//! changed with the real binary on a real desk, in JSON and in plain words.

use std::process::Command;

use serde_json::Value;

fn dateline(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .arg("--workspace")
        .arg(dir)
        .args(args)
        .output()
        .expect("run dateline")
}

#[test]
fn issue11_the_house_rules_change_from_the_shell() {
    let dir = tempfile::tempdir().unwrap();
    let out = dateline(dir.path(), &["--json", "settings"]);
    assert!(out.status.success());
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["hero_aspect"], "16:9");

    let out = dateline(
        dir.path(),
        &[
            "--json",
            "settings",
            "--publication",
            "Diario del Sur",
            "--hero-aspect",
            "3:2",
            "--credit-words",
            "es=Crédito:,vía,Edición de",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["publication"], "Diario del Sur");
    assert_eq!(s["hero_aspect"], "3:2");
    let es = s["house_words"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["language"] == "es")
        .unwrap();
    assert_eq!(es["credit"], "Crédito:");
    assert_eq!(es["edited_by"], "Edición de");

    // Plain words for people, and a bad value explained without changing anything.
    let out = dateline(dir.path(), &["settings"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Hero shape:      3:2"), "{text}");
    let out = dateline(dir.path(), &["settings", "--hero-aspect", "2:1"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("16:9, 3:2"));
    let out = dateline(dir.path(), &["--json", "settings"]);
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["hero_aspect"], "3:2");
}
