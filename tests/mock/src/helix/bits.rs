//! GET /helix/bits/leaderboard and GET /helix/bits/cheermotes.

use axum::response::Response;
use serde::Serialize;
use serde_json::{json, Value};
use time::{Duration, Month, OffsetDateTime, Time};

use super::{data, Auth, HelixRequest};
use crate::errors::{json_ok, ApiError};
use crate::model::{rfc3339, User};
use crate::state::State;

const PERIODS: &[&str] = &["all", "day", "week", "month", "year"];
/// Ranked users of every leaderboard (all time): `user10`..`user34`.
const RANKED: std::ops::Range<usize> = 10..35;

#[derive(Serialize)]
struct Entry {
    user_id: String,
    user_login: String,
    user_name: String,
    rank: usize,
    score: u64,
}

#[derive(Serialize)]
struct DateRange {
    started_at: String,
    ended_at: String,
}

#[derive(Serialize)]
struct Leaderboard {
    data: Vec<Entry>,
    date_range: DateRange,
    total: usize,
}

fn add_months(t: OffsetDateTime, months: u8) -> OffsetDateTime {
    let mut month = t.month();
    let mut year = t.year();
    for _ in 0..months {
        month = month.next();
        if month == Month::January {
            year += 1;
        }
    }
    let days = month.length(year);
    let day = t.day().min(days);
    time::Date::from_calendar_date(year, month, day)
        .map(|d| d.with_time(t.time()).assume_offset(t.offset()))
        .unwrap_or(t)
}

/// The period containing `started_at` (default: now), `""` for `all`.
fn date_range(period: &str, started_at: Option<OffsetDateTime>) -> DateRange {
    let start =
        started_at.unwrap_or_else(|| OffsetDateTime::now_utc().replace_time(Time::MIDNIGHT));
    let end = match period {
        "day" => start.checked_add(Duration::days(1)),
        "week" => start.checked_add(Duration::weeks(1)),
        "month" => Some(add_months(start, 1)),
        "year" => Some(add_months(start, 12)),
        _ => None,
    };
    match end {
        Some(end) => DateRange {
            started_at: rfc3339(start),
            ended_at: rfc3339(end),
        },
        None => DateRange {
            started_at: String::new(),
            ended_at: String::new(),
        },
    }
}

/// The token user's Bits leaderboard (scope `bits:read`): `count` 1..=100
/// (default 10), `period` all/day/week/month/year, `started_at`, `user_id`.
pub(crate) fn leaderboard(
    state: &mut State,
    auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    auth.user_with(&["bits:read"])?;
    let params = &req.params;
    let count = params.int_in("count", 1, 100)?.unwrap_or(10) as usize;
    let period = params.one_of("period", PERIODS)?;
    let started_at = params.datetime("started_at")?;
    let user_id = params.non_empty("user_id");
    let shown = match period {
        "day" => 5,
        "week" => 10,
        "month" => 15,
        "year" => 20,
        _ => RANKED.len(),
    };
    let divisor = (PERIODS.len() - PERIODS.iter().position(|p| *p == period).unwrap_or(0)) as u64;
    let users: Vec<&User> = RANKED
        .take(shown)
        .filter_map(|i| state.data.users.get(1 + i))
        .collect();
    let entries: Vec<Entry> = users
        .iter()
        .enumerate()
        .map(|(rank, user)| Entry {
            user_id: user.id.clone(),
            user_login: user.login.clone(),
            user_name: user.display_name.clone(),
            rank: rank + 1,
            score: (12_543 - rank as u64 * 397) * divisor / PERIODS.len() as u64,
        })
        .filter(|e| user_id.is_none_or(|id| e.user_id == id))
        .take(count)
        .collect();
    let range = date_range(period, started_at);
    Ok(json_ok(&Leaderboard {
        total: entries.len(),
        data: entries,
        date_range: range,
    }))
}

fn images(prefix: &str, bits: u64) -> Value {
    let prefix = prefix.to_lowercase();
    let set = |theme: &str, kind: &str, ext: &str| {
        let url = |scale: &str| {
            format!("https://d3aqoihi2n8ty8.cloudfront.net/actions/{prefix}/{theme}/{kind}/{bits}/{scale}.{ext}")
        };
        json!({"1": url("1"), "1.5": url("1.5"), "2": url("2"), "3": url("3"), "4": url("4")})
    };
    json!({
        "dark": {"animated": set("dark", "animated", "gif"), "static": set("dark", "static", "png")},
        "light": {"animated": set("light", "animated", "gif"), "static": set("light", "static", "png")},
    })
}

fn cheermote(prefix: &str, kind: &str, order: u64, charitable: bool) -> Value {
    const TIERS: [(u64, &str); 5] = [
        (1, "#979797"),
        (100, "#9c3ee8"),
        (1000, "#1db2a5"),
        (5000, "#0099fe"),
        (10000, "#f43021"),
    ];
    let tiers: Vec<Value> = TIERS
        .iter()
        .map(|&(bits, color)| {
            json!({
                "min_bits": bits,
                "id": bits.to_string(),
                "color": color,
                "images": images(prefix, bits),
                "can_cheer": true,
                "show_in_bits_card": true,
            })
        })
        .collect();
    json!({
        "prefix": prefix,
        "tiers": tiers,
        "type": kind,
        "order": order,
        "last_updated": "2018-05-22T00:06:04Z",
        "is_charitable": charitable,
    })
}

/// Global cheermotes, plus a `channel_custom` one for partners and affiliates
/// (`broadcaster_id` required).
pub(crate) fn cheermotes(
    state: &mut State,
    _auth: &Auth,
    req: &HelixRequest,
) -> Result<Response, ApiError> {
    let broadcaster_id = req.params.required("broadcaster_id")?;
    let mut list = vec![
        cheermote("Cheer", "global_first_party", 1, false),
        cheermote("BibleThump", "global_first_party", 2, false),
        cheermote("Corgo", "global_third_party", 3, false),
        cheermote("Charity", "global_first_party", 4, true),
    ];
    if let Some(user) = state.data.user(broadcaster_id) {
        if !user.broadcaster_type.is_empty() {
            let prefix = format!("{}Cheer", user.display_name);
            list.insert(0, cheermote(&prefix, "channel_custom", 1, false));
        }
    }
    data(list)
}
