use serde::{Deserialize, Serialize};

/// Where to upload an entitlement grants manifest (Create Entitlement Grants
/// Upload URL).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UploadUrl {
    /// The upload URL.
    pub url: String,
}
