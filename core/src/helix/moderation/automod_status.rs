use serde::{Deserialize, Serialize};

/// Whether AutoMod would let one message through (Check AutoMod Status).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AutoModStatus {
    /// The caller's id of the message.
    pub msg_id: String,
    /// True when the message passes AutoMod; false when it would be held for review.
    #[serde(default)]
    pub is_permitted: bool,
}
