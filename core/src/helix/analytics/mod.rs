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

use crate::types::AnalyticsReportType;
use crate::Error;

/// The seed's rules shared by both analytics endpoints: `started_at` and
/// `ended_at` come together, `first` lies in 1..=100, `report_type` is known.
fn check_report_args(
    started_at: bool,
    ended_at: bool,
    first: Option<u32>,
    report_type: Option<&AnalyticsReportType>,
) -> Result<(), Error> {
    if started_at != ended_at {
        return Err(Error::invalid(
            "started_at and ended_at must be given together",
        ));
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
