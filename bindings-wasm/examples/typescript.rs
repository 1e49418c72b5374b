//! Prints the TypeScript declarations that come from the Rust types, for the
//! npm package's `twitchapi.d.ts` (scripts/build-npm runs it natively and
//! bindings-wasm/js/gen-dts.mjs puts the output in):
//!
//! - every Helix method's parameters, from its endpoint's `PARAMS` (names,
//!   types, which are required, the allowed values of enum parameters);
//! - every Helix method's answer, the shape of its typed model: a documented
//!   example answer read into the endpoint's Rust `Response` type and written
//!   out again, so only fields the model has appear, with their JSON types;
//! - every EventSub type's event, the shape of its Rust event struct;
//! - `AuthScope` and the other wire enums as string unions.
//!
//! `cargo run -p twitchapi-wasm --example typescript`

use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;
use twitchapi_core::helix::{Endpoint, Helix};
use twitchapi_core::types::{SortMethod, SortOrder, TimePeriod, VideoType};
use twitchapi_core::AuthScope;

fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn pascal(name: &str) -> String {
    let camel = camel(name);
    let mut chars = camel.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A property name as TypeScript accepts it.
fn key(name: &str) -> String {
    let camel = camel(name);
    if !camel.is_empty()
        && camel.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !camel.starts_with(|c: char| c.is_ascii_digit())
    {
        camel
    } else {
        format!("{camel:?}")
    }
}

/// The TypeScript type of a JSON value's shape (keys camelCase, as the
/// package hands answers over).
fn shape(value: &Value, indent: usize) -> String {
    match value {
        Value::Null => "Json".into(),
        Value::Bool(_) => "boolean".into(),
        Value::Number(_) => "number".into(),
        Value::String(_) => "string".into(),
        Value::Array(items) => match items.first() {
            Some(first) => format!("{}[]", wrap(&shape(first, indent))),
            None => "Json[]".into(),
        },
        Value::Object(map) if map.is_empty() => "{ [key: string]: Json }".into(),
        Value::Object(map) => {
            let pad = "  ".repeat(indent + 1);
            let mut out = String::from("{\n");
            for (k, v) in map {
                let _ = writeln!(out, "{pad}{}: {};", key(k), shape(v, indent + 1));
            }
            out.push_str(&"  ".repeat(indent));
            out.push('}');
            out
        }
    }
}

fn wrap(ty: &str) -> String {
    if ty.contains('|') || ty.contains('\n') && !ty.starts_with('{') {
        format!("({ty})")
    } else {
        ty.to_owned()
    }
}

/// The TypeScript type of one `PARAMS` type text.
fn param_type(text: &str) -> String {
    let text = text.trim();
    match text {
        "string" | "RFC 3339 datetime" => "string".into(),
        "integer" => "number".into(),
        "boolean" => "boolean".into(),
        "[string]" => "string[]".into(),
        t if t.starts_with("object") => "{ [key: string]: Json }".into(),
        t if t.contains('|') => t
            .split('|')
            .map(|v| {
                let v = v.trim();
                if v.parse::<f64>().is_ok() {
                    v.to_owned()
                } else {
                    format!("{v:?}")
                }
            })
            .collect::<Vec<_>>()
            .join(" | "),
        _ => "Json".into(),
    }
}

/// `interface XParams { ... }` from an endpoint's `PARAMS`.
fn params(name: &str, list: &[&str]) -> String {
    let mut out = format!(
        "/** The parameters of `{}`. */\nexport type {}Params = {{\n",
        camel(name),
        pascal(name)
    );
    for entry in list {
        let (field, rest) = entry.split_once(':').unwrap_or((entry, "Json"));
        let mut parts = rest.split(',').map(str::trim);
        let ty = parts.next().unwrap_or("Json");
        let notes: Vec<&str> = parts.collect();
        let required = notes.contains(&"required");
        let default = notes.iter().find_map(|n| n.strip_prefix("default "));
        if let Some(default) = default {
            let _ = writeln!(out, "  /** Default {default}. */");
        }
        let _ = writeln!(
            out,
            "  {}{}: {};",
            key(field),
            if required { "" } else { "?" },
            param_type(ty)
        );
    }
    out.push_str("};\n");
    out
}

/// A documented example answer of the endpoint, if the vectors have one:
/// an example's `response_body`, or the first JSON block with `data` of a
/// retired endpoint's Markdown examples.
fn example(name: &str) -> Option<Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/vectors");
    // the seed's name and Twitch's operation differ in number only here
    let operation = match name {
        "create_custom_reward" => "create-custom-rewards".to_owned(),
        other => other.replace('_', "-"),
    };
    let has_data = |b: &Value| b.get("data").is_some();
    for dir in ["helix", "helix-retired"] {
        let Ok(text) = std::fs::read_to_string(root.join(dir).join(format!("{operation}.json")))
        else {
            continue;
        };
        let doc: Value = serde_json::from_str(&text).ok()?;
        if let Some(list) = doc.get("examples").and_then(Value::as_array) {
            return list
                .iter()
                .filter_map(|e| e.get("response_body"))
                .find(|b| has_data(b))
                .cloned();
        }
        if let Some(list) = doc.get("example_responses").and_then(Value::as_array) {
            return list.iter().find(|b| has_data(b)).cloned();
        }
        let markdown = doc.get("examples").and_then(Value::as_str)?;
        return markdown
            .split("```")
            .skip(1)
            .step_by(2)
            .filter_map(|block| serde_json::from_str::<Value>(block.trim()).ok())
            .find(|b| has_data(b));
    }
    None
}

/// The answer type of an endpoint: its example read into the Rust model and
/// written out again.
fn answer<E: Endpoint>(name: &str) -> String {
    if std::any::type_name::<E::Response>() == "()" {
        // an answer without a body (204): the promise resolves with null
        return "null".into();
    }
    let Some(body) = example(name) else {
        eprintln!("typescript: no documented answer of {name}");
        return "HelixAnswer<Json> | null".into();
    };
    let response = http::Response::builder()
        .status(200)
        .body(body.to_string().into_bytes())
        .expect("a response");
    let parsed = match Helix::new("ts").parse_response::<E, _>(&response) {
        Ok(parsed) => parsed,
        Err(error) => {
            eprintln!("typescript: the documented answer of {name} does not parse: {error}");
            return "HelixAnswer<Json> | null".into();
        }
    };
    let data = serde_json::to_value(&parsed.data).unwrap_or(Value::Null);
    let data = match data {
        Value::Null => return "null".into(),
        other => other,
    };
    format!("HelixAnswer<{}>", shape(&data, 0))
}

fn union<T>(name: &str, doc: &str, all: &[T], wire: impl Fn(&T) -> &str) -> String {
    let values: Vec<String> = all.iter().map(|v| format!("{:?}", wire(v))).collect();
    format!(
        "/** {doc} */\nexport type {name} =\n  | {};\n",
        values.join("\n  | ")
    )
}

fn main() {
    let mut out = String::new();
    out.push_str(&union(
        "AuthScope",
        "An OAuth scope Twitch knows.",
        AuthScope::ALL,
        |s| s.as_str(),
    ));
    out.push_str(&union(
        "TimePeriod",
        "A time period (bits leaderboard, videos).",
        TimePeriod::ALL,
        |s| s.as_str(),
    ));
    out.push_str(&union(
        "SortMethod",
        "Sort method of videos.",
        SortMethod::ALL,
        |s| s.as_str(),
    ));
    out.push_str(&union(
        "SortOrder",
        "Sort order of redemptions.",
        SortOrder::ALL,
        |s| s.as_str(),
    ));
    out.push_str(&union(
        "VideoType",
        "Type of a video.",
        VideoType::ALL,
        |s| s.as_str(),
    ));

    let mut methods = String::from("/** Every Helix method: its parameters and its answer. */\nexport interface HelixMethods {\n");
    let mut signatures = String::new();
    macro_rules! endpoints {
        ($($name:ident => $cat:ident::$ty:ident,)*) => {$(
            {
                type E = twitchapi_core::helix::$cat::$ty;
                let name = stringify!($name);
                out.push_str(&params(name, <E as Endpoint>::PARAMS));
                let _ = writeln!(out, "/** What `{}` resolves with. */\nexport type {}Answer = {};", camel(name), pascal(name), answer::<E>(name));
                let _ = writeln!(methods, "  {}: {{ params: {}Params; answer: {}Answer }};", camel(name), pascal(name), pascal(name));
                let optional = !<E as Endpoint>::PARAMS.iter().any(|p| p.contains(", required"));
                let _ = writeln!(
                    signatures,
                    "  /** Helix `{name}`. */\n  {}(params{}: {}Params): Promise<{}Answer>;",
                    camel(name),
                    if optional { "?" } else { "" },
                    pascal(name),
                    pascal(name)
                );
            }
        )*};
    }
    twitchapi_core::for_each_endpoint!(endpoints);
    methods.push_str("}\n");
    out.push_str(&methods);

    let mut events = String::from("/** Every EventSub type and version: the event its callback gets. */\nexport interface EventSubEvents {\n");
    macro_rules! eventsub {
        ([] $( $variant:ident, $event:ident, $condition:ident, $kind:literal, $version:literal, $scopes:expr, $listen:ident; )*) => {$(
            {
                let event = serde_json::to_value(twitchapi_core::eventsub::types::$event::default()).unwrap_or(Value::Null);
                let _ = writeln!(events, "  {:?}: {};", concat!($kind, ":", $version), shape(&event, 1));
            }
        )*};
    }
    twitchapi_core::eventsub_types!(eventsub);
    events.push_str("}\n");
    out.push_str(&events);
    // the Twitch class's methods, for gen-dts.mjs to put in the class
    out.push_str("//@methods\n");
    out.push_str(&signatures);
    print!("{out}");
}
