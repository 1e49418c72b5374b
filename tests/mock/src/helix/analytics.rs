//! GET /helix/analytics/extensions and GET /helix/analytics/games.

use axum::response::Response;
use serde::Serialize;
use time::{Duration, OffsetDateTime, Time};

use super::{page, Auth, HelixRequest};
use crate::errors::ApiError;
use crate::model::rfc3339;
use crate::seed_data::extensions::installed;
use crate::state::State;

const REPORT_TYPES: &[&str] = &["overview_v2", "overview_v1"];
const REPORTS: &str = "https://twitch-piper-reports.s3-us-west-2.amazonaws.com";

#[derive(Clone, Serialize)]
struct DateRange {
    started_at: String,
    ended_at: String,
}

#[derive(Clone, Serialize)]
struct ExtensionReport {
    extension_id: String,
    #[serde(rename = "URL")]
    url: String,
    #[serde(rename = "type")]
    kind: String,
    date_range: DateRange,
}

#[derive(Clone, Serialize)]
struct GameReport {
    game_id: String,
    #[serde(rename = "URL")]
    url: String,
    #[serde(rename = "type")]
    kind: String,
    date_range: DateRange,
}

/// `type` and the date range: both of `started_at`/`ended_at` or neither
/// (default: the 90 days up to today's midnight).
fn report_params(req: &HelixRequest) -> Result<(String, DateRange), ApiError> {
    let params = &req.params;
    let kind = params.one_of("type", REPORT_TYPES)?.to_owned();
    let range = match (params.datetime("started_at")?, params.datetime("ended_at")?) {
        (Some(start), Some(end)) if start <= end => (start, end),
        (Some(_), Some(_)) => {
            return Err(ApiError::bad_request(
                "The started_at date must be before the ended_at date",
            ))
        }
        (None, None) => {
            let end = OffsetDateTime::now_utc().replace_time(Time::MIDNIGHT);
            (end - Duration::days(90), end)
        }
        _ => {
            return Err(ApiError::bad_request(
                "The started_at and ended_at parameters must be specified together",
            ))
        }
    };
    let range = DateRange {
        started_at: rfc3339(range.0),
        ended_at: rfc3339(range.1),
    };
    Ok((kind, range))
}

/// Report URLs of the seeded extensions, or of `extension_id` (404 if unknown).
pub(crate) fn extensions(
    _state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    auth.user_with(&["analytics:read:extensions"])?;
    let (kind, range) = report_params(req)?;
    let paging = req.params.page(false)?;
    let wanted = req.params.non_empty("extension_id");
    let reports: Vec<ExtensionReport> = installed()
        .into_iter()
        .filter(|e| wanted.is_none_or(|id| e.id == id))
        .map(|e| ExtensionReport {
            url: format!("{REPORTS}/dynamic/{}/{kind}.csv", e.id),
            extension_id: e.id,
            kind: kind.clone(),
            date_range: range.clone(),
        })
        .collect();
    if wanted.is_some() && reports.is_empty() {
        return Err(ApiError::not_found(
            "The extension specified in the extension_id query parameter was not found",
        ));
    }
    let (data, pagination) = paging.apply(&reports);
    page(data, pagination)
}

/// Report URLs of every seeded game, or of `game_id` (404 if unknown).
pub(crate) fn games(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    auth.user_with(&["analytics:read:games"])?;
    let (kind, range) = report_params(req)?;
    let paging = req.params.page(false)?;
    let wanted = req.params.non_empty("game_id");
    let reports: Vec<GameReport> = state
        .data
        .games
        .iter()
        .filter(|g| wanted.is_none_or(|id| g.id == id))
        .map(|g| GameReport {
            game_id: g.id.clone(),
            url: format!("{REPORTS}/games/{}/{kind}.csv", g.id),
            kind: kind.clone(),
            date_range: range.clone(),
        })
        .collect();
    if wanted.is_some() && reports.is_empty() {
        return Err(ApiError::not_found(
            "The game specified in the game_id query parameter was not found",
        ));
    }
    let (data, pagination) = paging.apply(&reports);
    page(data, pagination)
}
