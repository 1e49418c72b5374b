//! `drop.entitlement.grant` version 1. The drop.entitlement.grant subscription
//! type sends a notification when an entitlement for a Drop is granted to a
//! user.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The condition of a `drop.entitlement.grant` v1 subscription.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DropEntitlementGrantV1Condition {
    /// ID of the organization.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::serde_util::string_or_number"
    )]
    pub organization_id: String,
    /// ID of the category.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::string_or_number_opt"
    )]
    pub category_id: Option<String>,
    /// ID of the campaign.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::string_or_number_opt"
    )]
    pub campaign_id: Option<String>,
}

impl DropEntitlementGrantV1Condition {
    /// A condition with its required fields; the optional ones are `None`.
    pub fn new(organization_id: impl Into<String>) -> Self {
        Self {
            organization_id: organization_id.into(),
            ..Self::default()
        }
    }
}

/// A `drop.entitlement.grant` v1 event: the `event` of its notification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DropEntitlementGrantV1Event {
    /// The ID.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub id: String,
    /// The data.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub data: DropEntitlementGrantV1Data,
}

/// The `data` object of a `drop.entitlement.grant` v1 event.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DropEntitlementGrantV1Data {
    /// ID of the organization.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub organization_id: String,
    /// ID of the category.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub category_id: String,
    /// Name of the category.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub category_name: String,
    /// ID of the campaign.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub campaign_id: String,
    /// User ID of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_id: String,
    /// Display name of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_name: String,
    /// Login of the user.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub user_login: String,
    /// ID of the entitlement.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub entitlement_id: String,
    /// ID of the benefit.
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    pub benefit_id: String,
    /// When it created (RFC 3339).
    #[serde(default, with = "crate::serde_util::rfc3339_opt")]
    pub created_at: Option<OffsetDateTime>,
}
