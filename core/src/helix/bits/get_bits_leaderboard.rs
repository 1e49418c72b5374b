//! [Get Bits Leaderboard](https://dev.twitch.tv/docs/api/reference#get-bits-leaderboard)

use http::{Method, StatusCode};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::bits_leaderboard::date_range_opt;
use super::{BitsLeaderboard, BitsLeaderboardEntry};
use crate::helix::analytics::DateRange;
use crate::helix::endpoint::check_known;
use crate::helix::{Auth, Endpoint, Parsed, Query, Scopes};
use crate::serde_util::datetime_arg;
use crate::types::TimePeriod;
use crate::{AuthScope, Error};

/// `get_bits_leaderboard`: the broadcaster's ranked list of Bits cheerers.
///
/// Auth: user token of the broadcaster with `bits:read`. Rules: `count` in
/// 1..=100; `period` holds a known value. `count` (default 10) and `period`
/// (default `all`) are always sent. The answer's `data`, `date_range` and
/// `total` form one [`BitsLeaderboard`].
///
/// ```
/// use twitchapi_core::helix::{bits::GetBitsLeaderboard, Endpoint};
/// let req = GetBitsLeaderboard { user_id: Some("158010205".into()), ..Default::default() };
/// assert_eq!(req.query().encode(), "count=10&period=all&user_id=158010205");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetBitsLeaderboard {
    /// Number of entries, 1 to 100; default 10.
    #[serde(default)]
    pub count: Option<u32>,
    /// Aggregation period; default [`TimePeriod::All`].
    #[serde(default)]
    pub period: Option<TimePeriod>,
    /// Start of the period; ignored by Twitch for `all`. From JSON: RFC 3339
    /// (`2018-02-05T08:00:00Z`); without an offset the time is taken as UTC.
    #[serde(default, with = "datetime_arg::started_at")]
    pub started_at: Option<OffsetDateTime>,
    /// Only this cheerer's entry.
    #[serde(default)]
    pub user_id: Option<String>,
}

#[derive(Deserialize)]
struct LeaderboardBody {
    #[serde(default, deserialize_with = "crate::serde_util::null_as_default")]
    data: Vec<BitsLeaderboardEntry>,
    #[serde(default, deserialize_with = "date_range_opt")]
    date_range: Option<DateRange>,
    #[serde(default)]
    total: Option<u64>,
}

impl Endpoint for GetBitsLeaderboard {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "bits/leaderboard";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::BitsRead]));
    const NAME: &'static str = "get_bits_leaderboard";
    const PARAMS: &'static [&'static str] = &[
        "count: integer, default 10",
        "period: all|day|week|month|year, default all",
        "started_at: RFC 3339 datetime",
        "user_id: string",
    ];
    type Response = BitsLeaderboard;

    fn validate(&self) -> Result<(), Error> {
        if let Some(count) = self.count {
            if !(1..=100).contains(&count) {
                return Err(Error::invalid(format!(
                    "count must be in range 1 to 100, got {count}"
                )));
            }
        }
        if let Some(period) = &self.period {
            check_known("period", period.is_known(), period.as_str())?;
        }
        crate::helix::endpoint::check_datetime("started_at", self.started_at.as_ref())
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("count", self.count.unwrap_or(10))
            .push("period", self.period.as_ref().unwrap_or(&TimePeriod::All))
            .datetime("started_at", self.started_at.as_ref())
            .opt("user_id", self.user_id.as_deref());
        q
    }

    fn parse_success(_status: StatusCode, body: &[u8]) -> Result<Parsed<BitsLeaderboard>, Error> {
        let body: LeaderboardBody = serde_json::from_slice(body)
            .map_err(|e| Error::Protocol(format!("unexpected response body: {e}")))?;
        let total = body.total.unwrap_or(body.data.len() as u64);
        Ok(Parsed {
            data: BitsLeaderboard {
                entries: body.data,
                date_range: body.date_range,
                total,
            },
            cursor: None,
            total: Some(total),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;
    use time::macros::datetime;

    #[test]
    fn builds_documented_request() {
        let req = GetBitsLeaderboard {
            count: Some(2),
            period: Some(TimePeriod::Week),
            started_at: Some(datetime!(2018-02-05 8:00 UTC)),
            ..Default::default()
        };
        assert_eq!(query_of(&req), documented_query("get-bits-leaderboard", 0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(
            path,
            "/bits/leaderboard?count=2&period=week&started_at=2018-02-05T08%3A00%3A00Z"
        );
        assert_eq!(body, None);
        assert_eq!(
            build(&GetBitsLeaderboard::default()).1,
            "/bits/leaderboard?count=10&period=all"
        );
        assert_eq!(req.auth().scopes(), &[AuthScope::BitsRead]);
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<GetBitsLeaderboard>(&example_body("get-bits-leaderboard", 0));
        let board = &res.data;
        assert_eq!(board.total, 2);
        assert_eq!(res.total, Some(2));
        assert_eq!(board.entries.len(), 2);
        let first = &board.entries[0];
        assert_eq!(first.user_login, "tundracowboy");
        assert_eq!(first.user_name, "TundraCowboy");
        assert_eq!((first.rank, first.score), (1, 12543));
        assert_eq!(board.entries[1].score, 6900);
        let range = board.date_range.unwrap();
        assert_eq!(range.started_at, datetime!(2018-02-05 8:00 UTC));
        assert_eq!(range.ended_at, datetime!(2018-02-12 8:00 UTC));
        let json = serde_json::to_value(board).unwrap();
        assert_eq!(
            serde_json::from_value::<BitsLeaderboard>(json).unwrap(),
            *board
        );
    }

    #[test]
    fn empty_date_range_is_none() {
        let body = br#"{"data":[],"date_range":{"started_at":"","ended_at":""},"total":0}"#;
        let res = parse_ok::<GetBitsLeaderboard>(body);
        assert_eq!(res.data.date_range, None);
        assert!(res.data.entries.is_empty());
        let res = parse_ok::<GetBitsLeaderboard>(br#"{"data":null}"#);
        assert_eq!((res.data.date_range, res.data.total), (None, 0));
    }

    #[test]
    fn rules() {
        for count in [0, 101] {
            assert_invalid(&GetBitsLeaderboard {
                count: Some(count),
                ..Default::default()
            });
        }
        for count in [1, 100] {
            let req = GetBitsLeaderboard {
                count: Some(count),
                ..Default::default()
            };
            assert!(req.validate().is_ok());
        }
        assert_invalid(&GetBitsLeaderboard {
            period: Some(TimePeriod::Unknown("decade".into())),
            ..Default::default()
        });
        // no RFC 3339 form in UTC (the year 10000 there): refused, not a panic
        assert_invalid(&GetBitsLeaderboard {
            started_at: Some(datetime!(9999-12-31 23:30 -1)),
            ..Default::default()
        });
        let last = GetBitsLeaderboard {
            started_at: Some(datetime!(9999-12-31 23:30 +1)),
            ..Default::default()
        };
        assert!(last.validate().is_ok());
        assert!(query_of(&last).contains(&("started_at".into(), "9999-12-31T22:30:00Z".into())));
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetBitsLeaderboard = serde_json::from_str(
            r#"{"count":5,"period":"month","started_at":"2018-02-05T08:00:00Z","user_id":null}"#,
        )
        .unwrap();
        assert_eq!(req.period, Some(TimePeriod::Month));
        assert_eq!(req.started_at, Some(datetime!(2018-02-05 8:00 UTC)));
        assert!(serde_json::from_str::<GetBitsLeaderboard>(r#"{"first":5}"#).is_err());
        let naive: GetBitsLeaderboard =
            serde_json::from_str(r#"{"started_at":"2018-02-05T08:00:00"}"#).unwrap();
        assert_eq!(naive.started_at, Some(datetime!(2018-02-05 8:00 UTC)));
        let offset: GetBitsLeaderboard =
            serde_json::from_str(r#"{"started_at":"2018-02-05T10:00:00.5+02:00"}"#).unwrap();
        assert_eq!(offset.started_at, Some(datetime!(2018-02-05 8:00:00.5 UTC)));
        let err = serde_json::from_str::<GetBitsLeaderboard>(r#"{"started_at":"2018-02-05"}"#)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("started_at: expected an RFC 3339 datetime"),
            "{err}"
        );
    }
}
