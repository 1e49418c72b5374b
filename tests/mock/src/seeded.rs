//! Ids and values seeded into every [`MockServer`](crate::MockServer), for tests to rely on.
//!
//! Users: twitchdev ([`TWITCHDEV_ID`], partner, not live) and `user0` ..
//! `user159` with ids `"1000" + i` (`user0` = `"10000"`, `user12` = `"100012"`);
//! `user0` .. `user119` are live. Every 10th user is a partner, other multiples
//! of 3 are affiliates (channel points need one of the two).

/// twitchdev's user id (partner, not live).
pub const TWITCHDEV_ID: &str = "141981764";
/// `user0`: a live partner with moderators, subscribers and stream markers.
pub const LIVE_USER_ID: &str = "10000";

/// twitchdev's reward created by the mock's client id ("game analysis",
/// cost 50000), with [`UNFULFILLED_REDEMPTIONS`] UNFULFILLED redemptions.
pub const REWARD_ID: &str = "92af127c-7326-4483-a52b-b0da0be61c01";
/// Title of [`REWARD_ID`].
pub const REWARD_TITLE: &str = "game analysis";
/// twitchdev's reward created by another client ("Hydrate!"): listed, not manageable (403).
pub const FOREIGN_REWARD_ID: &str = "b045196d-9ce7-4a27-a9b9-279ed341ab28";
/// Number of UNFULFILLED redemptions of [`REWARD_ID`] (3 more are FULFILLED, 2 CANCELED).
pub const UNFULFILLED_REDEMPTIONS: usize = 35;
/// A CANCELED redemption of [`REWARD_ID`].
pub const CANCELED_REDEMPTION_ID: &str = "17fa2df1-ad76-4804-bfa5-a40ef63efe63";

/// The extension with 25 seeded Bits transactions.
pub const TRANSACTIONS_EXTENSION_ID: &str = "uo6dggojyb8d6soh92zknwmi5ej1q2";
/// An installed extension of every user (panel, version 1.1.0, "TopClip").
pub const PANEL_EXTENSION_ID: &str = "rh6jq1q334hqc2rr1qlzqbvwlfl3x0";

/// Redemption codes and their initial status (any user id). Redeeming an
/// UNUSED code answers SUCCESSFULLY_REDEEMED and makes it ALREADY_CLAIMED;
/// other well-formed codes are NOT_FOUND, malformed ones INCORRECT_FORMAT.
pub const CODES: &[(&str, &str)] = &[
    ("KUHXV-4GXYP-AKAKK", "UNUSED"),
    ("XZDDZ-5SIQR-RT5M3", "ALREADY_CLAIMED"),
    ("8CD5P-V3J92-2S6JY", "UNUSED"),
    ("PUN4G-HYFVP-MMFET", "ALREADY_CLAIMED"),
    ("EXPIR-ED000-00001", "EXPIRED"),
    ("INACT-IVE00-00001", "INACTIVE"),
    ("NOTEL-IGIBL-E0001", "USER_NOT_ELIGIBLE"),
];

/// Words that make Check AutoMod Status answer `is_permitted: false`
/// (whole words, case-insensitive).
pub const BAD_WORDS: &[&str] = &["boooooo", "noob", "trash", "scam", "darn"];

/// twitchdev's video with 5 stream markers.
pub const MARKED_VIDEO_ID: &str = "335921245";
/// Number of markers seeded on [`LIVE_USER_ID`]'s live stream.
pub const LIVE_USER_MARKERS: usize = 30;

/// The automatic "English" stream tag (may not be set by hand).
pub const TAG_ENGLISH: &str = "6ea6bca4-4712-4ab9-a906-e3336a9d8039";
/// The "1 Credit Clear" stream tag.
pub const TAG_ONE_CREDIT_CLEAR: &str = "621fb5bf-5498-4d8f-b4ac-db4d40d401bf";
/// The "Speedrun" stream tag.
pub const TAG_SPEEDRUN: &str = "7cefbf30-4c3e-4aa7-99cd-70aabb662f27";
/// Number of tags in the catalogue (GET /tags/streams).
pub const TAG_COUNT: usize = 24;
