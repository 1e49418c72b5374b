//! The inputs and both sides of each comparison, shared by the criterion
//! benches (`benches/eventsub.rs`) and the interleaved-batch bin (`src/main.rs`).
//!
//! Both libraries get the same bytes. The vectors are Twitch's documented
//! `channel.follow` examples (version 1); they are lifted to version 2 here
//! (`version` "2", a `moderator_user_id` in the condition), the version both
//! libraries model.

pub mod webhook;
pub mod ws;

use serde_json::value::RawValue;

/// The folder of the vectors this crate carries.
pub fn vectors_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors")
}

/// Reads a vector file.
pub fn read_vector(relative: &str) -> String {
    let path = vectors_dir().join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Removes the whitespace between JSON tokens, keeping the members in the
/// order they were written (as Twitch sends them).
pub fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if !c.is_ascii_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

/// The text of the member `path` (object keys, array indexes as digits) of a
/// JSON document, as written.
pub fn raw_member(json: &str, path: &[&str]) -> String {
    let mut text = json.to_owned();
    for key in path {
        let next = match key.parse::<usize>() {
            Ok(i) => {
                let list: Vec<&RawValue> = serde_json::from_str(&text).unwrap();
                list[i].get().to_owned()
            }
            Err(_) => {
                let map: std::collections::BTreeMap<String, &RawValue> =
                    serde_json::from_str(&text).unwrap();
                map.get(*key)
                    .unwrap_or_else(|| panic!("no member {key}"))
                    .get()
                    .to_owned()
            }
        };
        text = next;
    }
    text
}

/// Replaces `from` by `to`, which must occur exactly once.
pub fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from:?} in {text}");
    text.replacen(from, to, 1)
}
