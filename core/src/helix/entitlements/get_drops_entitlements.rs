//! [Get Drops Entitlements](https://dev.twitch.tv/docs/api/reference#get-drops-entitlements)

use http::Method;
use serde::{Deserialize, Serialize};

use super::DropEntitlement;
use crate::helix::endpoint::check_first;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::Error;

/// `get_drops_entitlements`: drop entitlements of the token's organization, by
/// entitlement id, user and/or game (see Twitch's reference for the valid
/// combinations).
///
/// Auth: app or user token (Twitch takes either; the client id must belong to
/// a member of the organization owning the game). Rule: `first` in 1..=100. `first` is
/// always sent (default 20).
///
/// ```
/// use twitchapi_core::helix::{entitlements::GetDropsEntitlements, Endpoint};
/// let req = GetDropsEntitlements { game_id: Some("33214".into()), ..Default::default() };
/// assert_eq!(req.query().encode(), "game_id=33214&first=20");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetDropsEntitlements {
    /// Only this entitlement.
    #[serde(default)]
    pub id: Option<String>,
    /// Only entitlements of this user.
    #[serde(default)]
    pub user_id: Option<String>,
    /// Only entitlements of this game.
    #[serde(default)]
    pub game_id: Option<String>,
    /// Cursor for forward pagination.
    #[serde(default)]
    pub after: Option<String>,
    /// Page size, 1 to 100; default 20.
    #[serde(default)]
    pub first: Option<u32>,
}

impl Endpoint for GetDropsEntitlements {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "entitlements/drops";
    const AUTH: Auth = Auth::Either(Scopes::NONE);
    const NAME: &'static str = "get_drops_entitlements";
    const PARAMS: &'static [&'static str] = &[
        "id: string",
        "user_id: string",
        "game_id: string",
        "after: string",
        "first: integer, default 20",
    ];
    type Response = Vec<DropEntitlement>;

    fn validate(&self) -> Result<(), Error> {
        check_first(self.first, 100)
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.opt("id", self.id.as_deref())
            .opt("user_id", self.user_id.as_deref())
            .opt("game_id", self.game_id.as_deref())
            .opt("after", self.after.as_deref())
            .push("first", self.first.unwrap_or(20));
        q
    }
}

impl crate::helix::Paginated for GetDropsEntitlements {
    fn set_after(&mut self, cursor: Option<String>) {
        self.after = cursor;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn builds_documented_request() {
        let req = GetDropsEntitlements {
            user_id: Some("25009227".into()),
            game_id: Some("33214".into()),
            ..Default::default()
        };
        assert_contains_in_order(
            &query_of(&req),
            &documented_query("get-drops-entitlements", 0),
        );
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(
            path,
            "/entitlements/drops?user_id=25009227&game_id=33214&first=20"
        );
        assert_eq!(body, None);
        let all = GetDropsEntitlements {
            id: Some("e".into()),
            after: Some("c".into()),
            first: Some(100),
            ..req
        };
        assert_eq!(
            build(&all).1,
            "/entitlements/drops?id=e&user_id=25009227&game_id=33214&after=c&first=100"
        );
        assert_eq!(all.auth(), Auth::Either(Scopes::NONE));
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<GetDropsEntitlements>(&example_body("get-drops-entitlements", 0));
        assert_eq!(res.data.len(), 3);
        let drop = &res.data[0];
        assert_eq!(drop.id, "fb78259e-fb81-4d1b-8333-34a06ffc24c0");
        assert_eq!(drop.benefit_id, "74c52265-e214-48a6-91b9-23b6014e8041");
        assert_eq!(drop.timestamp.unix_timestamp(), 1548649073);
        assert_eq!(
            (drop.user_id.as_str(), drop.game_id.as_str()),
            ("25009227", "33214")
        );
        assert_eq!(drop.fulfillment_status, "CLAIMED");
        assert_eq!(
            res.data[1].last_updated.unwrap().unix_timestamp(),
            1623730613
        );
        assert_eq!(res.data[2].fulfillment_status, "FULFILLED");
        assert_eq!(res.cursor.as_deref(), Some("eyJiIjpudW..."));

        let old = br#"{"data":[{"id":"1","benefit_id":"b","timestamp":"2019-01-28T04:17:53Z",
            "user_id":"u","game_id":"g"}],"pagination":{}}"#;
        let res = parse_ok::<GetDropsEntitlements>(old);
        assert_eq!(
            (
                res.data[0].fulfillment_status.as_str(),
                res.data[0].last_updated
            ),
            ("", None)
        );
    }

    #[test]
    fn rules() {
        for first in [0, 101] {
            assert_invalid(&GetDropsEntitlements {
                first: Some(first),
                ..Default::default()
            });
        }
        for first in [1, 100] {
            let req = GetDropsEntitlements {
                first: Some(first),
                ..Default::default()
            };
            assert!(req.validate().is_ok());
        }
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetDropsEntitlements =
            serde_json::from_str(r#"{"id":"e","user_id":"u","game_id":null,"first":5}"#).unwrap();
        assert_eq!(req.id.as_deref(), Some("e"));
        assert_eq!(req.first, Some(5));
        let unknown = r#"{"fulfillment_status":"CLAIMED"}"#;
        assert!(serde_json::from_str::<GetDropsEntitlements>(unknown).is_err());
    }
}
