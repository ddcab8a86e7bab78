//! The empty window measure.sh compares the release app with: no commands, no plugins.
fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the empty window failed to start");
}
