use serde::{Deserialize, Deserializer, Serialize};
use time::OffsetDateTime;

use crate::serde_util::rfc3339;

/// A marker just created (Create Stream Marker).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreatedMarker {
    /// Marker id (Twitch's documented example sends a number; it becomes a string).
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// When the marker was created.
    #[serde(with = "rfc3339")]
    pub created_at: OffsetDateTime,
    /// Offset of the marker from the start of the stream, in seconds.
    #[serde(default)]
    pub position_seconds: u64,
    /// The marker's description (may be empty).
    #[serde(default)]
    pub description: String,
}

fn string_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Id {
        Text(String),
        Number(serde_json::Number),
    }
    Ok(match Id::deserialize(d)? {
        Id::Text(text) => text,
        Id::Number(number) => number.to_string(),
    })
}
