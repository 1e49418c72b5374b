use serde::{Deserialize, Serialize};

use super::DateRange;
use crate::types::AnalyticsReportType;

/// A downloadable analytics report of a game (Get Game Analytics).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GameAnalytics {
    /// The game's id.
    pub game_id: String,
    /// URL of the CSV report, valid for 5 minutes (Twitch's key `URL`).
    #[serde(rename = "URL")]
    pub url: String,
    /// Type of the report (Twitch's key `type`).
    #[serde(rename = "type")]
    pub report_type: AnalyticsReportType,
    /// The span the report covers.
    pub date_range: DateRange,
}
