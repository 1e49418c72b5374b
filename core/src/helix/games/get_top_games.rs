//! [Get Top Games](https://dev.twitch.tv/docs/api/reference#get-top-games)

use http::Method;
use serde::{Deserialize, Serialize};

use super::Game;
use crate::helix::endpoint::check_first;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::Error;

/// `get_top_games`: games by current viewers, most popular first.
///
/// Auth: either token. Rule: `first` in 1..=100.
///
/// ```
/// use twitchapi_core::helix::{games::GetTopGames, Endpoint};
/// let req = GetTopGames { first: Some(5), ..Default::default() };
/// assert_eq!(req.query().encode(), "first=5");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetTopGames {
    /// Cursor for forward pagination.
    #[serde(default)]
    pub after: Option<String>,
    /// Cursor for backward pagination.
    #[serde(default)]
    pub before: Option<String>,
    /// Page size, 1 to 100; default 20.
    #[serde(default)]
    pub first: Option<u32>,
}

impl Endpoint for GetTopGames {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "games/top";
    const AUTH: Auth = Auth::Either(Scopes::All(&[]));
    const NAME: &'static str = "get_top_games";
    const PARAMS: &'static [&'static str] = &[
        "after: string",
        "before: string",
        "first: integer, default 20",
    ];
    type Response = Vec<Game>;

    fn validate(&self) -> Result<(), Error> {
        check_first(self.first, 100)
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("first", self.first.unwrap_or(20))
            .opt("after", self.after.as_deref())
            .opt("before", self.before.as_deref());
        q
    }
}

impl crate::helix::Paginated for GetTopGames {
    fn set_after(&mut self, cursor: Option<String>) {
        self.after = cursor;
    }

    fn set_before(&mut self, cursor: Option<String>) {
        self.before = cursor;
    }

    fn walks_backward(&self) -> bool {
        self.before.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn builds_documented_request() {
        let req = GetTopGames::default();
        assert_contains_in_order(&query_of(&req), &documented_query("get-top-games", 0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(path, "/games/top?first=20");
        assert_eq!(body, None);
        let paged = GetTopGames {
            after: Some("a=".into()),
            before: Some("b".into()),
            first: Some(100),
        };
        assert_eq!(build(&paged).1, "/games/top?first=100&after=a%3D&before=b");
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<GetTopGames>(&example_body("get-top-games", 0));
        let game = &res.data[0];
        assert_eq!(game.id, "493057");
        assert_eq!(game.name, "PUBG: BATTLEGROUNDS");
        assert_eq!(game.igdb_id, "27789");
        assert_eq!(
            res.cursor.as_deref(),
            Some("eyJiIjpudWxsLCJhIjp7Ik9mZnNldCI6MjB9fQ==")
        );
    }

    #[test]
    fn rules() {
        for first in [0, 101] {
            assert_invalid(&GetTopGames {
                first: Some(first),
                ..Default::default()
            });
        }
        for first in [1, 100] {
            let req = GetTopGames {
                first: Some(first),
                ..Default::default()
            };
            assert!(req.validate().is_ok());
        }
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetTopGames = serde_json::from_str(r#"{"first":10,"after":"c"}"#).unwrap();
        assert_eq!(req.first, Some(10));
        assert_eq!(req.after.as_deref(), Some("c"));
        assert!(serde_json::from_str::<GetTopGames>(r#"{"limit":10}"#).is_err());
    }
}
