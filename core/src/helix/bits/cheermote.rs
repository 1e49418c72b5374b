use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::serde_util::{null_as_default, rfc3339_opt};

/// A Cheermote: a prefix viewers combine with an amount of Bits (Get Cheermotes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Cheermote {
    /// The word to cheer with (`"Cheer"`).
    pub prefix: String,
    /// The tiers, by minimum amount of Bits.
    #[serde(default, deserialize_with = "null_as_default")]
    pub tiers: Vec<CheermoteTier>,
    /// Kind of Cheermote (Twitch's `type`: `global_first_party`,
    /// `global_third_party`, `channel_custom`, `display_only`, `sponsored`).
    #[serde(rename = "type", default)]
    pub cheermote_type: String,
    /// Position in the Bits card.
    #[serde(default)]
    pub order: u32,
    /// When the Cheermote was last updated.
    #[serde(default, with = "rfc3339_opt")]
    pub last_updated: Option<OffsetDateTime>,
    /// Whether cheering with it donates to charity.
    #[serde(default)]
    pub is_charitable: bool,
}

/// One tier of a Cheermote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CheermoteTier {
    /// Minimum Bits for this tier.
    pub min_bits: u64,
    /// Tier id (`"1"`, `"100"`, ...).
    pub id: String,
    /// Hex color of the tier (`#979797`).
    #[serde(default)]
    pub color: String,
    /// Image URLs by theme.
    #[serde(default)]
    pub images: CheermoteImages,
    /// Whether users can cheer at this tier.
    #[serde(default)]
    pub can_cheer: bool,
    /// Whether the tier shows in the Bits card.
    #[serde(default)]
    pub show_in_bits_card: bool,
}

/// A tier's images for the dark and the light theme.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CheermoteImages {
    /// Images for the dark theme.
    #[serde(default)]
    pub dark: CheermoteImageSet,
    /// Images for the light theme.
    #[serde(default)]
    pub light: CheermoteImageSet,
}

/// Image URLs of one theme, by scale (`"1"`, `"1.5"`, `"2"`, `"3"`, `"4"`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CheermoteImageSet {
    /// Animated GIFs by scale.
    #[serde(default)]
    pub animated: BTreeMap<String, String>,
    /// Static PNGs by scale (Twitch's `static`).
    #[serde(rename = "static", default)]
    pub static_images: BTreeMap<String, String>,
}
