//! `extension.bits_transaction.create` version 1. The
//! extension.bits_transaction.create subscription type sends a notification
//! when a new transaction is created for a Twitch Extension.

use serde::{Deserialize, Serialize};

/// The condition of a `extension.bits_transaction.create` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExtensionBitsTransactionCreateV1Condition {
    /// The extension's client ID.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub extension_client_id: String,
}

impl ExtensionBitsTransactionCreateV1Condition {
    /// A condition with its required fields.
    pub fn new(extension_client_id: impl Into<String>) -> Self {
        Self {
            extension_client_id: extension_client_id.into(),
        }
    }
}

/// A `extension.bits_transaction.create` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExtensionBitsTransactionCreateV1Event {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// The extension's client ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub extension_client_id: String,
    /// User ID of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_id: String,
    /// Login of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_login: String,
    /// Display name of the broadcaster.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub broadcaster_user_name: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// The product.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub product: ExtensionBitsTransactionCreateV1Product,
}

/// The `product` object of a `extension.bits_transaction.create` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExtensionBitsTransactionCreateV1Product {
    /// The name.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub name: String,
    /// The product's SKU.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub sku: String,
    /// The number of Bits.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub bits: u64,
    /// Whether the product is in development.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub in_development: bool,
}
