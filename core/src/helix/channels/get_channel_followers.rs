//! [Get Channel Followers](https://dev.twitch.tv/docs/api/reference#get-channel-followers)

use http::Method;
use serde::{Deserialize, Serialize};

use super::ChannelFollower;
use crate::helix::endpoint::check_first;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::Error;

/// `get_channel_followers`: a broadcaster's followers, most recent first, and
/// their number; Twitch's replacement for the retired Get Users Follows.
///
/// Auth: any user token. Twitch always answers `total` (in
/// [`HelixResponse::total`](crate::helix::HelixResponse::total)), but lists
/// the followers only when the token's user is the broadcaster or one of its
/// moderators and holds `moderator:read:followers`; anyone else gets at most
/// their own follow (ask with `user_id` set to yourself). So no scope is
/// checked here: a follower count needs none.
/// Rules: `broadcaster_id` is required, `first` in 1..=100.
///
/// ```
/// use twitchapi_core::helix::{channels::GetChannelFollowers, Endpoint};
/// let req = GetChannelFollowers::new("123456");
/// assert_eq!(req.query().encode(), "broadcaster_id=123456&first=20");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetChannelFollowers {
    /// Cursor for forward pagination.
    #[serde(default)]
    pub after: Option<String>,
    /// The channel.
    pub broadcaster_id: String,
    /// Page size, 1 to 100; default 20.
    #[serde(default)]
    pub first: Option<u32>,
    /// Only this user's follow (whether they follow the channel).
    #[serde(default)]
    pub user_id: Option<String>,
}

impl GetChannelFollowers {
    /// The followers of `broadcaster_id`, 20 a page.
    pub fn new(broadcaster_id: impl Into<String>) -> Self {
        GetChannelFollowers {
            broadcaster_id: broadcaster_id.into(),
            ..Default::default()
        }
    }
}

impl Endpoint for GetChannelFollowers {
    const METHOD: Method = Method::GET;
    const PATH: &'static str = "channels/followers";
    const AUTH: Auth = Auth::User(Scopes::All(&[]));
    const NAME: &'static str = "get_channel_followers";
    const PARAMS: &'static [&'static str] = &[
        "after: string",
        "broadcaster_id: string, required",
        "first: integer, default 20",
        "user_id: string",
    ];
    type Response = Vec<ChannelFollower>;

    fn validate(&self) -> Result<(), Error> {
        check_first(self.first, 100)?;
        if self.broadcaster_id.is_empty() {
            return Err(Error::invalid("broadcaster_id is required"));
        }
        if self.user_id.as_deref() == Some("") {
            return Err(Error::invalid("user_id must not be empty"));
        }
        Ok(())
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("broadcaster_id", &self.broadcaster_id)
            .opt("user_id", self.user_id.as_deref())
            .push("first", self.first.unwrap_or(20))
            .opt("after", self.after.as_deref());
        q
    }
}

impl crate::helix::Paginated for GetChannelFollowers {
    fn set_after(&mut self, cursor: Option<String>) {
        self.after = cursor;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;

    #[test]
    fn builds_documented_requests() {
        let req = GetChannelFollowers::new("123456");
        let (method, path, body) = build(&req);
        assert_eq!(method, "GET");
        assert_eq!(path, "/channels/followers?broadcaster_id=123456&first=20");
        assert_eq!(body, None);
        let one = GetChannelFollowers {
            user_id: Some("654321".into()),
            ..req.clone()
        };
        let documented = vector("get-channel-followers");
        for (example, req) in [(0, &req), (1, &one)] {
            let pairs: Vec<(String, String)> = serde_json::from_value(
                documented["examples"][example]["requests"][0]["query"].clone(),
            )
            .unwrap();
            assert_contains_in_order(&query_of(req), &pairs);
        }
        let all = GetChannelFollowers {
            after: Some("c".into()),
            first: Some(5),
            ..one
        };
        assert_eq!(
            build(&all).1,
            "/channels/followers?broadcaster_id=123456&user_id=654321&first=5&after=c"
        );
        assert_eq!(all.auth(), Auth::User(Scopes::All(&[])));
    }

    #[test]
    fn parses_documented_examples() {
        let res = parse_ok::<GetChannelFollowers>(&example_body("get-channel-followers", 0));
        assert_eq!(res.total, Some(8));
        assert_eq!(res.data.len(), 1);
        let follower = &res.data[0];
        assert_eq!(follower.user_id, "11111");
        assert_eq!(follower.user_login, "userloginname");
        assert_eq!(follower.user_name, "UserDisplayName");
        assert_eq!(follower.followed_at.unix_timestamp(), 1653430928);
        assert_eq!(
            res.cursor.as_deref(),
            Some("eyJiIjpudWxsLCJhIjp7Ik9mZnNldCI6NX19")
        );
        let none = parse_ok::<GetChannelFollowers>(&example_body("get-channel-followers", 1));
        assert_eq!(none.total, Some(8));
        assert!(none.data.is_empty());
        assert_eq!(none.cursor, None);
    }

    #[test]
    fn rules() {
        assert_invalid(&GetChannelFollowers::default());
        let ok = GetChannelFollowers::new("1");
        assert_invalid(&GetChannelFollowers {
            user_id: Some(String::new()),
            ..ok.clone()
        });
        for first in [0, 101] {
            assert_invalid(&GetChannelFollowers {
                first: Some(first),
                ..ok.clone()
            });
        }
        for first in [1, 100] {
            let req = GetChannelFollowers {
                first: Some(first),
                ..ok.clone()
            };
            assert!(req.validate().is_ok());
        }
        assert!(serde_json::from_str::<GetChannelFollowers>(
            r#"{"broadcaster_id":"1","to_id":"2"}"#
        )
        .is_err());
    }
}
