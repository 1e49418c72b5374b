//! [Get Game Analytics](https://dev.twitch.tv/docs/api/reference#get-game-analytics)

use http::Method;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::{check_report_args, GameAnalytics};
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::serde_util::datetime_arg;
use crate::types::AnalyticsReportType;
use crate::{AuthScope, Error};

/// `get_game_analytics`: URLs of CSV analytics reports of the token's games
/// (each valid for 5 minutes).
///
/// Auth: user token with `analytics:read:games`. Rules: `started_at` and
/// `ended_at` both or neither, and `started_at` not after `ended_at` (equal is
/// fine); `first` in 1..=100; `report_type` holds a known value. `first` is
/// always sent (default 20).
///
/// ```
/// use twitchapi_core::helix::{analytics::GetGameAnalytics, Endpoint};
/// let req = GetGameAnalytics { game_id: Some("493057".into()), ..Default::default() };
/// assert_eq!(req.query().encode(), "game_id=493057&first=20");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetGameAnalytics {
    /// Cursor for forward pagination.
    #[serde(default)]
    pub after: Option<String>,
    /// Page size, 1 to 100; default 20.
    #[serde(default)]
    pub first: Option<u32>,
    /// Only the report of this game.
    #[serde(default)]
    pub game_id: Option<String>,
    /// End of the report span; needs `started_at` and must not lie before it.
    /// From JSON: RFC 3339 (`2018-06-01T00:00:00Z`); without an offset the time
    /// is taken as UTC.
    #[serde(default, with = "datetime_arg::ended_at")]
    pub ended_at: Option<OffsetDateTime>,
    /// Start of the report span; needs `ended_at` and must not lie after it.
    /// From JSON: RFC 3339 (`2018-03-01T00:00:00Z`); without an offset the time
    /// is taken as UTC.
    #[serde(default, with = "datetime_arg::started_at")]
    pub started_at: Option<OffsetDateTime>,
    /// Type of report (query `type`).
    #[serde(default)]
    pub report_type: Option<AnalyticsReportType>,
}

impl Endpoint for GetGameAnalytics {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "analytics/games";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::AnalyticsReadGames]));
    const NAME: &'static str = "get_game_analytics";
    const PARAMS: &'static [&'static str] = &[
        "after: string",
        "first: integer, default 20",
        "game_id: string",
        "ended_at: RFC 3339 datetime",
        "started_at: RFC 3339 datetime",
        "report_type: overview_v1|overview_v2",
    ];
    type Response = Vec<GameAnalytics>;

    fn validate(&self) -> Result<(), Error> {
        check_report_args(
            self.started_at.as_ref(),
            self.ended_at.as_ref(),
            self.first,
            self.report_type.as_ref(),
        )
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.opt("game_id", self.game_id.as_deref())
            .opt("type", self.report_type.as_ref())
            .datetime("started_at", self.started_at.as_ref())
            .datetime("ended_at", self.ended_at.as_ref())
            .push("first", self.first.unwrap_or(20))
            .opt("after", self.after.as_deref());
        q
    }
}

impl crate::helix::Paginated for GetGameAnalytics {
    fn set_after(&mut self, cursor: Option<String>) {
        self.after = cursor;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;
    use time::macros::datetime;

    #[test]
    fn builds_documented_requests() {
        let window = GetGameAnalytics {
            game_id: Some("493057".into()),
            started_at: Some(datetime!(2018-01-01 0:00 UTC)),
            ended_at: Some(datetime!(2018-03-01 0:00 UTC)),
            ..Default::default()
        };
        assert_contains_in_order(
            &query_of(&window),
            &documented_query("get-game-analytics", 0),
        );
        let (method, path, body) = build(&window);
        assert_eq!(method, "GET");
        assert_eq!(
            path,
            "/analytics/games?game_id=493057&started_at=2018-01-01T00%3A00%3A00Z\
             &ended_at=2018-03-01T00%3A00%3A00Z&first=20"
        );
        assert_eq!(body, None);

        let five = GetGameAnalytics {
            first: Some(5),
            ..Default::default()
        };
        assert_eq!(query_of(&five), documented_query("get-game-analytics", 1));
        let all = GetGameAnalytics {
            after: Some("c".into()),
            report_type: Some(AnalyticsReportType::V1),
            ..five
        };
        assert_eq!(
            build(&all).1,
            "/analytics/games?type=overview_v1&first=5&after=c"
        );
        assert_eq!(all.auth().scopes(), &[AuthScope::AnalyticsReadGames]);
    }

    #[test]
    fn parses_documented_examples() {
        let res = parse_ok::<GetGameAnalytics>(&example_body("get-game-analytics", 0));
        let report = &res.data[0];
        assert_eq!(report.game_id, "493057");
        assert!(report.url.contains("/games/66170/"));
        assert_eq!(report.report_type, AnalyticsReportType::V2);
        assert_eq!(report.date_range.started_at, datetime!(2018-01-01 0:00 UTC));
        assert_eq!(report.date_range.ended_at, datetime!(2018-03-01 0:00 UTC));
        assert_eq!(res.cursor, None);

        let res = parse_ok::<GetGameAnalytics>(&example_body("get-game-analytics", 1));
        assert_eq!(res.data[0].game_id, "9821");
        assert_eq!(res.data[0].date_range.ended_at.unix_timestamp(), 1528848000);
        assert_eq!(res.cursor.as_deref(), Some("eyJiIjpudWxsLJxhIjoiIn0gf5"));
        let json = serde_json::to_value(&res.data[0]).unwrap();
        assert_eq!(json["type"], "overview_v2");
    }

    #[test]
    fn rules() {
        assert_invalid(&GetGameAnalytics {
            started_at: Some(datetime!(2018-03-01 0:00 UTC)),
            ..Default::default()
        });
        assert_invalid(&GetGameAnalytics {
            ended_at: Some(datetime!(2018-03-01 0:00 UTC)),
            ..Default::default()
        });
        for first in [0, 101] {
            assert_invalid(&GetGameAnalytics {
                first: Some(first),
                ..Default::default()
            });
        }
        for first in [1, 100] {
            let req = GetGameAnalytics {
                first: Some(first),
                ..Default::default()
            };
            assert!(req.validate().is_ok());
        }
        assert_invalid(&GetGameAnalytics {
            report_type: Some(AnalyticsReportType::Unknown("overview_v3".into())),
            ..Default::default()
        });
    }

    #[test]
    fn started_at_must_not_be_after_ended_at() {
        let span = |started_at, ended_at| GetGameAnalytics {
            started_at: Some(started_at),
            ended_at: Some(ended_at),
            ..Default::default()
        };
        let reversed = span(
            datetime!(2018-06-01 0:00 UTC),
            datetime!(2018-03-01 0:00 UTC),
        );
        match reversed.validate() {
            Err(Error::InvalidArgument(message)) => assert_eq!(
                message,
                "started_at (2018-06-01T00:00:00Z) must not be after ended_at (2018-03-01T00:00:00Z)"
            ),
            other => panic!("expected InvalidArgument, got {other:?}"),
        }
        // Refused before anything is built or sent.
        assert_invalid(&reversed);
        assert_invalid(&span(
            datetime!(2018-03-01 0:00:01 UTC),
            datetime!(2018-03-01 0:00 UTC),
        ));

        let same = datetime!(2018-03-01 0:00 UTC);
        assert!(span(same, same).validate().is_ok());
        let ordered = span(
            datetime!(2018-03-01 0:00 UTC),
            datetime!(2018-06-01 0:00 UTC),
        );
        assert!(ordered.validate().is_ok());
        // Instants are compared: 01:00+02:00 is 23:00 UTC the day before.
        let offsets = span(
            datetime!(2018-03-01 1:00 +2),
            datetime!(2018-03-01 0:00 UTC),
        );
        assert!(offsets.validate().is_ok());
    }

    #[test]
    fn datetimes_without_offset_are_utc() {
        let req: GetGameAnalytics = serde_json::from_str(
            r#"{"started_at":"2018-03-01T00:00:00","ended_at":"2018-06-01T00:00:00.000"}"#,
        )
        .unwrap();
        assert_eq!(req.started_at, Some(datetime!(2018-03-01 0:00 UTC)));
        assert_eq!(req.ended_at, Some(datetime!(2018-06-01 0:00 UTC)));
        assert!(req.validate().is_ok());
        let err = serde_json::from_str::<GetGameAnalytics>(
            r#"{"started_at":"2018-03-01T00:00:00Z","ended_at":"next week"}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains(
                "ended_at: expected an RFC 3339 datetime like 2021-01-01T00:00:00Z \
                 (an offset may be left out for UTC), got \"next week\""
            ),
            "{err}"
        );
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetGameAnalytics = serde_json::from_str(
            r#"{"game_id":"1","report_type":"overview_v2","started_at":"2018-01-01T00:00:00Z",
                "ended_at":"2018-03-01T00:00:00Z","first":null}"#,
        )
        .unwrap();
        assert_eq!(req.report_type, Some(AnalyticsReportType::V2));
        assert_eq!(req.started_at, Some(datetime!(2018-01-01 0:00 UTC)));
        assert_eq!(req.first, None);
        assert!(serde_json::from_str::<GetGameAnalytics>(r#"{"id":"1"}"#).is_err());
    }
}
