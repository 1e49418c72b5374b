//! The reward settings Create Custom Reward and Update Custom Reward share: their
//! rules and their JSON body.

use serde_json::{Map, Value};

use crate::Error;

/// The body fields of a reward; `None` is left out of the body.
#[derive(Debug, Default)]
pub(super) struct RewardFields<'a> {
    pub(super) title: Option<&'a str>,
    pub(super) prompt: Option<&'a str>,
    pub(super) cost: Option<u64>,
    pub(super) is_enabled: Option<bool>,
    pub(super) background_color: Option<&'a str>,
    pub(super) is_user_input_required: Option<bool>,
    pub(super) is_max_per_stream_enabled: Option<bool>,
    pub(super) max_per_stream: Option<u64>,
    pub(super) is_max_per_user_per_stream_enabled: Option<bool>,
    pub(super) max_per_user_per_stream: Option<u64>,
    pub(super) is_global_cooldown_enabled: Option<bool>,
    pub(super) global_cooldown_seconds: Option<u64>,
    pub(super) should_redemptions_skip_request_queue: Option<bool>,
}

impl RewardFields<'_> {
    /// The seed's three rules (an enabled limit needs its number) plus Twitch's
    /// limits on the given fields.
    pub(super) fn validate(&self) -> Result<(), Error> {
        let limits = [
            (
                "is_max_per_stream_enabled",
                self.is_max_per_stream_enabled,
                "max_per_stream",
                self.max_per_stream,
            ),
            (
                "is_max_per_user_per_stream_enabled",
                self.is_max_per_user_per_stream_enabled,
                "max_per_user_per_stream",
                self.max_per_user_per_stream,
            ),
            (
                "is_global_cooldown_enabled",
                self.is_global_cooldown_enabled,
                "global_cooldown_seconds",
                self.global_cooldown_seconds,
            ),
        ];
        for (flag, enabled, name, number) in limits {
            if enabled == Some(true) && number.is_none() {
                return Err(Error::invalid(format!(
                    "{flag} is true but {name} is not given"
                )));
            }
            if number == Some(0) {
                return Err(Error::invalid(format!("{name} must be at least 1")));
            }
        }
        if let Some(title) = self.title {
            let len = title.chars().count();
            if !(1..=45).contains(&len) {
                return Err(Error::invalid(format!(
                    "title must have 1 to 45 characters, got {len}"
                )));
            }
        }
        if let Some(prompt) = self.prompt {
            let len = prompt.chars().count();
            if len > 200 {
                return Err(Error::invalid(format!(
                    "prompt can have at most 200 characters, got {len}"
                )));
            }
        }
        if self.cost == Some(0) {
            return Err(Error::invalid("cost must be at least 1"));
        }
        if let Some(color) = self.background_color {
            if !is_hex_color(color) {
                return Err(Error::invalid(format!(
                    "background_color must be #RRGGBB, got {color:?}"
                )));
            }
        }
        Ok(())
    }

    /// The JSON body with every given field.
    pub(super) fn body(&self) -> Value {
        let mut body = Map::new();
        let mut put = |key: &str, value: Option<Value>| {
            if let Some(value) = value {
                body.insert(key.to_owned(), value);
            }
        };
        put("title", self.title.map(Value::from));
        put("prompt", self.prompt.map(Value::from));
        put("cost", self.cost.map(Value::from));
        put("is_enabled", self.is_enabled.map(Value::from));
        put("background_color", self.background_color.map(Value::from));
        put(
            "is_user_input_required",
            self.is_user_input_required.map(Value::from),
        );
        put(
            "is_max_per_stream_enabled",
            self.is_max_per_stream_enabled.map(Value::from),
        );
        put("max_per_stream", self.max_per_stream.map(Value::from));
        put(
            "is_max_per_user_per_stream_enabled",
            self.is_max_per_user_per_stream_enabled.map(Value::from),
        );
        put(
            "max_per_user_per_stream",
            self.max_per_user_per_stream.map(Value::from),
        );
        put(
            "is_global_cooldown_enabled",
            self.is_global_cooldown_enabled.map(Value::from),
        );
        put(
            "global_cooldown_seconds",
            self.global_cooldown_seconds.map(Value::from),
        );
        put(
            "should_redemptions_skip_request_queue",
            self.should_redemptions_skip_request_queue.map(Value::from),
        );
        Value::Object(body)
    }
}

/// `#` followed by six hex digits.
fn is_hex_color(color: &str) -> bool {
    match color.strip_prefix('#') {
        Some(hex) => hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colors() {
        for ok in ["#00E5CB", "#abcdef", "#000000"] {
            assert!(is_hex_color(ok), "{ok}");
        }
        for bad in ["00E5CB", "#00E5C", "#00E5CBA", "#00E5CG", "", "#", "#ÄÄÄ"] {
            assert!(!is_hex_color(bad), "{bad}");
        }
    }

    #[test]
    fn body_leaves_out_none() {
        let fields = RewardFields {
            title: Some("t"),
            max_per_stream: Some(3),
            is_enabled: Some(false),
            ..Default::default()
        };
        assert_eq!(
            fields.body(),
            serde_json::json!({"title": "t", "max_per_stream": 3, "is_enabled": false})
        );
        assert_eq!(RewardFields::default().body(), serde_json::json!({}));
    }
}
