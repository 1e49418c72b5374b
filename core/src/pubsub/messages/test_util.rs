//! Test helpers: the real frames in `tests/vectors/pubsub`.

use serde_json::Value;

/// One message of a vector file.
pub(crate) struct Vector {
    /// The vector's name.
    pub(crate) name: String,
    /// The frame's `data.topic`.
    pub(crate) topic: String,
    /// The frame's `data.message`: the JSON text a model decodes.
    pub(crate) message: String,
}

/// Every wire frame of a vector file (its text, from `include_str!`). Entries
/// that only give a documented shape (no `frame`) are left out.
pub(crate) fn messages(file: &str) -> Vec<Vector> {
    let doc: Value = serde_json::from_str(file).expect("vector file is JSON");
    doc["messages"]
        .as_array()
        .expect("vector file has messages")
        .iter()
        .filter(|m| m["frame"].is_object())
        .map(|m| {
            let data = &m["frame"]["data"];
            Vector {
                name: m["name"].as_str().unwrap_or_default().to_owned(),
                topic: data["topic"].as_str().unwrap_or_default().to_owned(),
                message: data["message"]
                    .as_str()
                    .expect("data.message is a string")
                    .to_owned(),
            }
        })
        .collect()
}

/// The message called `name` in a vector file.
pub(crate) fn message(file: &str, name: &str) -> Vector {
    messages(file)
        .into_iter()
        .find(|v| v.name == name)
        .unwrap_or_else(|| panic!("vector {name}"))
}
