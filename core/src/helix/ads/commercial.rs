use serde::{Deserialize, Serialize};

/// A started commercial (Start Commercial).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Commercial {
    /// Length of the commercial that runs, in seconds (Twitch may shorten it).
    pub length: u32,
    /// Why the request failed, or `""`.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub message: String,
    /// Seconds until the next commercial may start.
    #[serde(default)]
    pub retry_after: u32,
}
