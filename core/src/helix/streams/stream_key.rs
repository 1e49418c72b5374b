use serde::{Deserialize, Serialize};

use crate::Secret;

/// A channel's stream key (Get Stream Key).
///
/// `Debug` redacts the key; serializing writes it (an explicit output).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StreamKey {
    /// The stream key.
    pub stream_key: Secret,
}
