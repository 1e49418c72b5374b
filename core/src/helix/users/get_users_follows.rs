//! [Get Users Follows](https://dev.twitch.tv/docs/api/reference#get-users-follows)
//! (retired by Twitch)

use http::Method;
use serde::{Deserialize, Serialize};

use super::Follow;
use crate::helix::endpoint::check_first;
use crate::helix::{Auth, Endpoint, Query};
use crate::Error;

/// `get_users_follows`: follow relationships of a user, most recent first.
///
/// **Retired by Twitch** (replaced by Get Followed Channels / Get Channel
/// Followers); kept for parity with the seed. The live API answers it with an error.
///
/// Auth: app token, the seed's rule (the last reference documenting the
/// endpoint, Nov 2022, also accepted a user token). Rules: `first` in 1..=100;
/// at least one of `from_id` and `to_id`; a given id is not empty. The
/// answer's `total` is in [`HelixResponse::total`](crate::helix::HelixResponse::total).
///
/// ```
/// use twitchapi_core::helix::{users::GetUsersFollows, Endpoint};
/// let req = GetUsersFollows { to_id: Some("23161357".into()), ..Default::default() };
/// assert_eq!(req.query().encode(), "to_id=23161357&first=20");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetUsersFollows {
    /// Cursor for forward pagination.
    #[serde(default)]
    pub after: Option<String>,
    /// Page size, 1 to 100; default 20.
    #[serde(default)]
    pub first: Option<u32>,
    /// Users followed by this user.
    #[serde(default)]
    pub from_id: Option<String>,
    /// Users following this user.
    #[serde(default)]
    pub to_id: Option<String>,
}

impl Endpoint for GetUsersFollows {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "users/follows";
    const AUTH: Auth = Auth::App;
    const NAME: &'static str = "get_users_follows";
    const PARAMS: &'static [&'static str] = &[
        "after: string",
        "first: integer, default 20",
        "from_id: string",
        "to_id: string",
    ];
    type Response = Vec<Follow>;

    fn validate(&self) -> Result<(), Error> {
        check_first(self.first, 100)?;
        if self.from_id.is_none() && self.to_id.is_none() {
            return Err(Error::invalid(
                "at least one of from_id and to_id is required",
            ));
        }
        if self.from_id.as_deref() == Some("") || self.to_id.as_deref() == Some("") {
            return Err(Error::invalid("from_id and to_id must not be empty"));
        }
        Ok(())
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.opt("from_id", self.from_id.as_deref())
            .opt("to_id", self.to_id.as_deref())
            .push("first", self.first.unwrap_or(20))
            .opt("after", self.after.as_deref());
        q
    }
}

impl crate::helix::Paginated for GetUsersFollows {
    fn set_after(&mut self, cursor: Option<String>) {
        self.after = cursor;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    fn retired_example() -> Vec<u8> {
        let v = vector("get-users-follows");
        serde_json::to_vec(&v["example_responses"][0]).unwrap()
    }

    #[test]
    fn builds_documented_request() {
        let req = GetUsersFollows {
            to_id: Some("23161357".into()),
            ..Default::default()
        };
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(path, "/users/follows?to_id=23161357&first=20");
        assert_eq!(body, None);
        let documented = vector("get-users-follows")["request_uris_from_tests"][0]
            .as_str()
            .unwrap()
            .to_owned();
        let documented = url::Url::parse(&documented).unwrap();
        let documented: Vec<(String, String)> = documented.query_pairs().into_owned().collect();
        assert_contains_in_order(&query_of(&req), &documented);
        let all = GetUsersFollows {
            after: Some("c".into()),
            first: Some(5),
            from_id: Some("1".into()),
            to_id: Some("2".into()),
        };
        assert_eq!(
            build(&all).1,
            "/users/follows?from_id=1&to_id=2&first=5&after=c"
        );
        assert_eq!(all.auth(), Auth::App);
    }

    #[test]
    fn parses_retired_example() {
        let res = parse_ok::<GetUsersFollows>(&retired_example());
        assert_eq!(res.total, Some(12345));
        assert_eq!(res.data.len(), 2);
        let follow = &res.data[0];
        assert_eq!(follow.from_id, "171003792");
        assert_eq!(follow.from_login, "iiisutha067iii");
        assert_eq!(follow.to_name, "LIRIK");
        assert_eq!(follow.to_login, "lirik");
        assert_eq!(follow.followed_at.unix_timestamp(), 1503442524);
        assert_eq!(
            res.cursor.as_deref(),
            Some("eyJiIjpudWxsLCJhIjoiMTUwMzQ0MTc3NjQyNDQyMjAwMCJ9")
        );
    }

    #[test]
    fn rules() {
        assert_invalid(&GetUsersFollows::default());
        assert_invalid(&GetUsersFollows {
            from_id: Some(String::new()),
            ..Default::default()
        });
        assert_invalid(&GetUsersFollows {
            from_id: Some("1".into()),
            to_id: Some(String::new()),
            ..Default::default()
        });
        let ok = GetUsersFollows {
            from_id: Some("1".into()),
            ..Default::default()
        };
        for first in [0, 101] {
            assert_invalid(&GetUsersFollows {
                first: Some(first),
                ..ok.clone()
            });
        }
        for first in [1, 100] {
            let req = GetUsersFollows {
                first: Some(first),
                ..ok.clone()
            };
            assert!(req.validate().is_ok());
        }
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: GetUsersFollows =
            serde_json::from_str(r#"{"after":null,"first":3,"from_id":"1","to_id":"2"}"#).unwrap();
        assert_eq!(req.first, Some(3));
        assert_eq!(req.to_id.as_deref(), Some("2"));
        assert!(serde_json::from_str::<GetUsersFollows>(r#"{"user_id":"1"}"#).is_err());
    }
}
