use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::serde_util::{null_as_default, rfc3339};

/// A user's purchase of an in-extension product with Bits (Get Extension
/// Transactions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExtensionTransaction {
    /// Transaction id.
    pub id: String,
    /// When the transaction happened.
    #[serde(with = "rfc3339")]
    pub timestamp: OffsetDateTime,
    /// Id of the channel where it happened.
    #[serde(default)]
    pub broadcaster_id: String,
    /// Login of that channel.
    #[serde(default)]
    pub broadcaster_login: String,
    /// Display name of that channel.
    #[serde(default)]
    pub broadcaster_name: String,
    /// The buyer's user id.
    #[serde(default)]
    pub user_id: String,
    /// The buyer's login.
    #[serde(default)]
    pub user_login: String,
    /// The buyer's display name.
    #[serde(default)]
    pub user_name: String,
    /// Kind of product (`BITS_IN_EXTENSION`).
    #[serde(default)]
    pub product_type: String,
    /// The product bought.
    #[serde(default)]
    pub product_data: ProductData,
}

/// The product of an extension transaction.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductData {
    /// Extension domain (`twitch.ext.<extension id>`).
    #[serde(default)]
    pub domain: String,
    /// Product SKU.
    #[serde(default)]
    pub sku: String,
    /// Price.
    #[serde(default)]
    pub cost: ProductCost,
    /// Whether the product is in development (Twitch's `inDevelopment`).
    #[serde(rename = "inDevelopment", default)]
    pub in_development: bool,
    /// Product name (Twitch's `displayName`).
    #[serde(rename = "displayName", default)]
    pub display_name: String,
    /// Expiration, or `""` (Twitch leaves it empty).
    #[serde(default, deserialize_with = "null_as_default")]
    pub expiration: String,
    /// Whether the purchase was broadcast to all instances of the extension.
    #[serde(default)]
    pub broadcast: bool,
}

/// Price of an extension product.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ProductCost {
    /// Amount in the currency below.
    #[serde(default)]
    pub amount: u64,
    /// Currency (Twitch's `type`; `bits`).
    #[serde(rename = "type", default)]
    pub cost_type: String,
}
