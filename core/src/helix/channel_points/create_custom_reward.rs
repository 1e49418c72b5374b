//! [Create Custom Rewards](https://dev.twitch.tv/docs/api/reference#create-custom-rewards)

use http::Method;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::reward_fields::RewardFields;
use super::CustomReward;
use crate::helix::{Auth, Endpoint, Query, Scopes};
use crate::{AuthScope, Error};

/// `create_custom_reward`: creates a Custom Reward on the broadcaster's channel.
///
/// Auth: user token of the broadcaster with `channel:manage:redemptions`.
/// Rules (the seed's): an enabled limit (`is_max_per_stream_enabled`,
/// `is_max_per_user_per_stream_enabled`, `is_global_cooldown_enabled`) needs
/// its number. Twitch's: `title` has 1 to 45 characters, `prompt` at most 200,
/// `cost` is at least 1, `background_color` is `#RRGGBB`, and the numbers
/// `max_per_stream`, `max_per_user_per_stream` and `global_cooldown_seconds`
/// are at least 1. The body always carries the booleans (with the seed's
/// defaults); numbers and color only when given.
///
/// ```
/// use twitchapi_core::helix::{channel_points::CreateCustomReward, Endpoint};
/// let req = CreateCustomReward::new("274637212", "game analysis 1v1", "", 50000);
/// assert_eq!(req.query().encode(), "broadcaster_id=274637212");
/// let body = req.body().unwrap();
/// assert_eq!(body["cost"], 50000);
/// assert_eq!(body["is_enabled"], true);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateCustomReward {
    /// The broadcaster's user id (query `broadcaster_id`).
    pub broadcaster_id: String,
    /// Title, 1 to 45 characters.
    pub title: String,
    /// Prompt shown to the viewer, at most 200 characters. The seed required
    /// it; by name (CLI, JavaScript) it may be left out, as Twitch allows,
    /// and is then sent empty.
    #[serde(default)]
    pub prompt: String,
    /// Cost in Channel Points, at least 1.
    pub cost: u64,
    /// Whether viewers see the reward; default true.
    #[serde(default)]
    pub is_enabled: Option<bool>,
    /// Background color, `#RRGGBB`.
    #[serde(default)]
    pub background_color: Option<String>,
    /// Whether the viewer must enter text; default false.
    #[serde(default)]
    pub is_user_input_required: Option<bool>,
    /// Whether `max_per_stream` applies; default false.
    #[serde(default)]
    pub is_max_per_stream_enabled: Option<bool>,
    /// Redemptions per stream, at least 1.
    #[serde(default)]
    pub max_per_stream: Option<u64>,
    /// Whether `max_per_user_per_stream` applies; default false.
    #[serde(default)]
    pub is_max_per_user_per_stream_enabled: Option<bool>,
    /// Redemptions per user per stream, at least 1.
    #[serde(default)]
    pub max_per_user_per_stream: Option<u64>,
    /// Whether `global_cooldown_seconds` applies; default false.
    #[serde(default)]
    pub is_global_cooldown_enabled: Option<bool>,
    /// Cooldown in seconds, at least 1.
    #[serde(default)]
    pub global_cooldown_seconds: Option<u64>,
    /// Whether redemptions are fulfilled at once; default false.
    #[serde(default)]
    pub should_redemptions_skip_request_queue: Option<bool>,
}

impl CreateCustomReward {
    /// A reward with the seed's defaults for everything else.
    pub fn new(
        broadcaster_id: impl Into<String>,
        title: impl Into<String>,
        prompt: impl Into<String>,
        cost: u64,
    ) -> Self {
        CreateCustomReward {
            broadcaster_id: broadcaster_id.into(),
            title: title.into(),
            prompt: prompt.into(),
            cost,
            is_enabled: None,
            background_color: None,
            is_user_input_required: None,
            is_max_per_stream_enabled: None,
            max_per_stream: None,
            is_max_per_user_per_stream_enabled: None,
            max_per_user_per_stream: None,
            is_global_cooldown_enabled: None,
            global_cooldown_seconds: None,
            should_redemptions_skip_request_queue: None,
        }
    }

    /// The body fields, the seed's defaults applied to the booleans.
    fn fields(&self) -> RewardFields<'_> {
        RewardFields {
            title: Some(&self.title),
            prompt: Some(&self.prompt),
            cost: Some(self.cost),
            is_enabled: Some(self.is_enabled.unwrap_or(true)),
            background_color: self.background_color.as_deref(),
            is_user_input_required: Some(self.is_user_input_required.unwrap_or(false)),
            is_max_per_stream_enabled: Some(self.is_max_per_stream_enabled.unwrap_or(false)),
            max_per_stream: self.max_per_stream,
            is_max_per_user_per_stream_enabled: Some(
                self.is_max_per_user_per_stream_enabled.unwrap_or(false),
            ),
            max_per_user_per_stream: self.max_per_user_per_stream,
            is_global_cooldown_enabled: Some(self.is_global_cooldown_enabled.unwrap_or(false)),
            global_cooldown_seconds: self.global_cooldown_seconds,
            should_redemptions_skip_request_queue: Some(
                self.should_redemptions_skip_request_queue.unwrap_or(false),
            ),
        }
    }
}

impl Endpoint for CreateCustomReward {
    const METHOD: Method = Method::POST;
    const PATH: &'static str = "channel_points/custom_rewards";
    const AUTH: Auth = Auth::User(Scopes::All(&[AuthScope::ChannelManageRedemptions]));
    const NAME: &'static str = "create_custom_reward";
    const PARAMS: &'static [&'static str] = &[
        "broadcaster_id: string, required",
        "title: string, required",
        "prompt: string, default empty",
        "cost: integer, required",
        "is_enabled: boolean, default true",
        "background_color: string",
        "is_user_input_required: boolean, default false",
        "is_max_per_stream_enabled: boolean, default false",
        "max_per_stream: integer",
        "is_max_per_user_per_stream_enabled: boolean, default false",
        "max_per_user_per_stream: integer",
        "is_global_cooldown_enabled: boolean, default false",
        "global_cooldown_seconds: integer",
        "should_redemptions_skip_request_queue: boolean, default false",
    ];
    type Response = Vec<CustomReward>;

    fn validate(&self) -> Result<(), Error> {
        self.fields().validate()
    }

    fn query(&self) -> Query {
        let mut q = Query::new();
        q.push("broadcaster_id", &self.broadcaster_id);
        q
    }

    fn body(&self) -> Option<Value> {
        Some(self.fields().body())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::helix::test_util::*;
    use serde_json::json;

    fn reward() -> CreateCustomReward {
        CreateCustomReward::new("274637212", "game analysis 1v1", "", 50000)
    }

    #[test]
    fn builds_documented_request() {
        let doc = &vector("create-custom-rewards")["examples"][0]["requests"][0];
        let req = reward();
        assert_eq!(query_of(&req), documented_query("create-custom-rewards", 0));
        let (method, path, body) = build(&req);
        assert_eq!(method, "POST");
        assert_eq!(
            path,
            "/channel_points/custom_rewards?broadcaster_id=274637212"
        );
        let body = body.unwrap();
        for (key, value) in doc["body"].as_object().unwrap() {
            assert_eq!(&body[key], value, "{key}");
        }
        assert_eq!(
            body,
            json!({"title": "game analysis 1v1", "prompt": "", "cost": 50000, "is_enabled": true,
                "is_user_input_required": false, "is_max_per_stream_enabled": false,
                "is_max_per_user_per_stream_enabled": false, "is_global_cooldown_enabled": false,
                "should_redemptions_skip_request_queue": false})
        );
        assert_eq!(req.auth().scopes(), &[AuthScope::ChannelManageRedemptions]);
    }

    #[test]
    fn sends_given_settings() {
        let req = CreateCustomReward {
            is_enabled: Some(false),
            background_color: Some("#00E5CB".into()),
            is_max_per_stream_enabled: Some(true),
            max_per_stream: Some(60),
            max_per_user_per_stream: Some(2),
            is_global_cooldown_enabled: Some(true),
            global_cooldown_seconds: Some(30),
            should_redemptions_skip_request_queue: Some(true),
            ..reward()
        };
        let body = build(&req).2.unwrap();
        assert_eq!(body["is_enabled"], false);
        assert_eq!(body["background_color"], "#00E5CB");
        assert_eq!(body["is_max_per_stream_enabled"], true);
        assert_eq!(body["max_per_stream"], 60);
        assert_eq!(body["is_max_per_user_per_stream_enabled"], false);
        assert_eq!(body["max_per_user_per_stream"], 2);
        assert_eq!(body["global_cooldown_seconds"], 30);
        assert_eq!(body["should_redemptions_skip_request_queue"], true);
    }

    #[test]
    fn parses_documented_example() {
        let res = parse_ok::<CreateCustomReward>(&example_body("create-custom-rewards", 0));
        let reward = &res.data[0];
        assert_eq!(reward.id, "afaa7e34-6b17-49f0-a19a-d1e76eaaf673");
        assert_eq!(reward.broadcaster_login, "torpedo09");
        assert_eq!(
            (reward.title.as_str(), reward.cost),
            ("game analysis 1v1", 50000)
        );
        assert_eq!(reward.image, None);
        assert!(reward.default_image.url_4x.ends_with("default-4.png"));
        assert_eq!(reward.background_color, "#00E5CB");
        assert!(reward.is_enabled && reward.is_in_stock && !reward.is_paused);
        assert!(!reward.max_per_stream_setting.is_enabled);
        assert_eq!(reward.global_cooldown_setting.global_cooldown_seconds, 0);
        assert_eq!(reward.redemptions_redeemed_current_stream, None);
        assert_eq!(reward.cooldown_expires_at, None);
    }

    #[test]
    fn rules() {
        let cases = [
            CreateCustomReward {
                is_max_per_stream_enabled: Some(true),
                ..reward()
            },
            CreateCustomReward {
                is_max_per_user_per_stream_enabled: Some(true),
                ..reward()
            },
            CreateCustomReward {
                is_global_cooldown_enabled: Some(true),
                ..reward()
            },
            CreateCustomReward::new("1", "", "", 1),
            CreateCustomReward::new("1", "x".repeat(46), "", 1),
            CreateCustomReward::new("1", "t", "p".repeat(201), 1),
            CreateCustomReward::new("1", "t", "", 0),
            CreateCustomReward {
                background_color: Some("00E5CB".into()),
                ..reward()
            },
            CreateCustomReward {
                max_per_stream: Some(0),
                ..reward()
            },
            CreateCustomReward {
                max_per_user_per_stream: Some(0),
                ..reward()
            },
            CreateCustomReward {
                global_cooldown_seconds: Some(0),
                ..reward()
            },
        ];
        for case in &cases {
            assert_invalid(case);
        }
        let boundaries = CreateCustomReward {
            is_max_per_stream_enabled: Some(true),
            max_per_stream: Some(1),
            is_max_per_user_per_stream_enabled: Some(true),
            max_per_user_per_stream: Some(1),
            is_global_cooldown_enabled: Some(true),
            global_cooldown_seconds: Some(1),
            background_color: Some("#abcdef".into()),
            ..CreateCustomReward::new("1", "ä".repeat(45), "ü".repeat(200), 1)
        };
        assert!(boundaries.validate().is_ok());
        assert!(CreateCustomReward::new("1", "t", "", 1).validate().is_ok());
    }

    #[test]
    fn deserializes_seed_parameters() {
        let req: CreateCustomReward = serde_json::from_str(
            r#"{"broadcaster_id":"1","title":"t","prompt":"p","cost":5,"is_enabled":false,
                "max_per_stream":null,"should_redemptions_skip_request_queue":true}"#,
        )
        .unwrap();
        assert_eq!(req.is_enabled, Some(false));
        assert_eq!(req.max_per_stream, None);
        assert_eq!(req.should_redemptions_skip_request_queue, Some(true));
        let no_prompt: CreateCustomReward =
            serde_json::from_str(r#"{"broadcaster_id":"1","title":"t","cost":5}"#).unwrap();
        assert_eq!(no_prompt.body().unwrap()["prompt"], "");
        let missing_cost = r#"{"broadcaster_id":"1","title":"t","prompt":"p"}"#;
        assert!(serde_json::from_str::<CreateCustomReward>(missing_cost).is_err());
        let unknown =
            r#"{"broadcaster_id":"1","title":"t","prompt":"p","cost":5,"is_paused":true}"#;
        assert!(serde_json::from_str::<CreateCustomReward>(unknown).is_err());
    }
}
