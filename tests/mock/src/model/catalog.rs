//! Tags, extensions, entitlements, webhooks and stream markers.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// A stream tag, as in the retired Get All Stream Tags.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct StreamTag {
    pub tag_id: String,
    pub is_auto: bool,
    pub localization_names: BTreeMap<String, String>,
    pub localization_descriptions: BTreeMap<String, String>,
}

/// An installed extension, as in Get User Extensions.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct UserExtension {
    pub id: String,
    pub version: String,
    pub name: String,
    pub can_activate: bool,
    #[serde(rename = "type")]
    pub kind: Vec<String>,
}

/// One slot of the active extensions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ActiveSlot {
    pub active: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<i64>,
}

/// The active extensions of a user, by kind and slot number.
#[derive(Clone, Debug, Default, Serialize)]
pub(crate) struct ActiveExtensions {
    pub panel: BTreeMap<String, ActiveSlot>,
    pub overlay: BTreeMap<String, ActiveSlot>,
    pub component: BTreeMap<String, ActiveSlot>,
}

/// `cost` of an extension product.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct ProductCost {
    pub amount: u64,
    #[serde(rename = "type")]
    pub kind: String,
}

/// `product_data` of an extension transaction.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ProductData {
    pub domain: String,
    pub sku: String,
    pub cost: ProductCost,
    pub in_development: bool,
    pub display_name: String,
    pub expiration: String,
    pub broadcast: bool,
}

/// A Bits transaction, as in Get Extension Transactions.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct ExtensionTransaction {
    pub id: String,
    pub timestamp: String,
    pub broadcaster_id: String,
    pub broadcaster_login: String,
    pub broadcaster_name: String,
    pub user_id: String,
    pub user_login: String,
    pub user_name: String,
    pub product_type: String,
    pub product_data: ProductData,
    #[serde(skip)]
    pub extension_id: String,
}

/// A drops entitlement, as in Get Drops Entitlements.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct DropEntitlement {
    pub id: String,
    pub benefit_id: String,
    pub timestamp: String,
    pub user_id: String,
    pub game_id: String,
    pub fulfillment_status: String,
    pub last_updated: String,
}

/// A (retired) webhook subscription of the app.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct WebhookSubscription {
    pub topic: String,
    pub callback: String,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
}

/// A stream marker.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Marker {
    pub id: String,
    pub created_at: String,
    pub description: String,
    pub position_seconds: u64,
    #[serde(rename = "URL")]
    pub url: String,
    #[serde(skip)]
    pub user_id: String,
    #[serde(skip)]
    pub video_id: String,
}
