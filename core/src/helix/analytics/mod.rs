//! Analytics: Get Extension Analytics, Get Game Analytics.

mod date_range;
mod extension_analytics;
mod game_analytics;
mod get_extension_analytics;
mod get_game_analytics;

pub use date_range::DateRange;
pub use extension_analytics::ExtensionAnalytics;
pub use game_analytics::GameAnalytics;
pub use get_extension_analytics::GetExtensionAnalytics;
pub use get_game_analytics::GetGameAnalytics;

use time::OffsetDateTime;

use crate::serde_util::format_rfc3339;
use crate::types::AnalyticsReportType;
use crate::Error;

/// The rules shared by both analytics endpoints: `started_at` and `ended_at`
/// come together (the seed's rule) and `started_at` is not after `ended_at`
/// (equal is fine; instants are compared, whatever their offsets), `first` lies
/// in 1..=100, `report_type` is known.
fn check_report_args(
    started_at: Option<&OffsetDateTime>,
    ended_at: Option<&OffsetDateTime>,
    first: Option<u32>,
    report_type: Option<&AnalyticsReportType>,
) -> Result<(), Error> {
    crate::helix::endpoint::check_datetime("started_at", started_at)?;
    crate::helix::endpoint::check_datetime("ended_at", ended_at)?;
    match (started_at, ended_at) {
        (Some(started_at), Some(ended_at)) if started_at > ended_at => {
            return Err(Error::invalid(format!(
                "started_at ({}) must not be after ended_at ({})",
                format_rfc3339(started_at),
                format_rfc3339(ended_at)
            )));
        }
        (Some(_), None) | (None, Some(_)) => {
            return Err(Error::invalid(
                "started_at and ended_at must be given together",
            ));
        }
        _ => {}
    }
    crate::helix::endpoint::check_first(first, 100)?;
    if let Some(report_type) = report_type {
        crate::helix::endpoint::check_known(
            "report_type",
            report_type.is_known(),
            report_type.as_str(),
        )?;
    }
    Ok(())
}
