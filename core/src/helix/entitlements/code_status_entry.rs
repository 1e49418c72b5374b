use serde::{Deserialize, Serialize};

use crate::types::CodeStatus;

/// A Bits code and its status (Get Code Status, Redeem Code).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CodeStatusEntry {
    /// The code.
    pub code: String,
    /// Its status.
    pub status: CodeStatus,
}
