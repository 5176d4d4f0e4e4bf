//! The JSON API's reference (`/help/api`), drawn on the server from the OpenAPI
//! description the API generates from its handlers: every operation with its parameters,
//! body, answers and the shapes they carry. No script, nothing from a CDN. The page's
//! frame is translated; the description itself is written in English, as the
//! description at `/api/v1/openapi.json` is.

use maud::{Markup, html};
use serde_json::Value;

use super::layout;
use crate::views::PageCtx;

/// The methods an operation may have, in the order a reference lists them.
const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// A description's text with its `code` spans (between backticks, as the description is
/// written) set as code.
fn text(s: &str) -> Markup {
    html! {
        @for (i, part) in s.split('`').enumerate() {
            @if i % 2 == 1 { code { (part) } } @else { (part) }
        }
    }
}

/// The text of a description member, if any.
fn described(v: &Value) -> Markup {
    text(v.as_str().unwrap_or_default())
}

/// The name of the shape a `$ref` points to (`#/components/schemas/Me` → `Me`).
fn ref_name(schema: &Value) -> Option<&str> {
    schema["$ref"].as_str()?.rsplit('/').next()
}

/// A shape as a type name: a link to it, `array of …`, or its JSON type.
fn type_of(schema: &Value) -> Markup {
    if let Some(name) = ref_name(schema) {
        return html! { a href={ "#schema-" (name) } { (name) } };
    }
    if let Some(any) = schema["oneOf"].as_array().or(schema["anyOf"].as_array()) {
        let shown: Vec<&Value> = any.iter().filter(|s| s["type"] != "null").collect();
        if let [one] = shown.as_slice() {
            return type_of(one);
        }
    }
    match &schema["type"] {
        Value::String(t) if t == "array" => html! { "array of " (type_of(&schema["items"])) },
        Value::String(t) => html! { (t) },
        Value::Array(ts) => {
            let names: Vec<&str> = ts
                .iter()
                .filter_map(Value::as_str)
                .filter(|t| *t != "null")
                .collect();
            html! { (names.join(" | ")) }
        }
        _ => html! { "object" },
    }
}

/// The operation's anchor: `get-requests-id`.
fn anchor(method: &str, path: &str) -> String {
    let mut out = method.to_owned();
    for part in path.split('/').filter(|p| !p.is_empty()) {
        out.push('-');
        out.push_str(part.trim_matches(|c| c == '{' || c == '}'));
    }
    out
}

fn operation(ctx: &PageCtx, base: &str, method: &str, path: &str, op: &Value) -> Markup {
    let id = anchor(method, path);
    let params = op["parameters"].as_array().cloned().unwrap_or_default();
    let body = &op["requestBody"]["content"]["application/json"]["schema"];
    let responses = op["responses"].as_object().cloned().unwrap_or_default();
    html! {
        section.card.api-operation id=(id) aria-labelledby={ (id) "-heading" } {
            h3 id={ (id) "-heading" } {
                span.badge { (method.to_uppercase()) } " " code { (base) (path) }
            }
            @if let Some(summary) = op["summary"].as_str() { p { (text(summary)) } }
            @if let Some(more) = op["description"].as_str() { p.hint { (text(more)) } }
            @if let Some(scopes) = op["security"][0]["token"].as_array() {
                p.small {
                    (ctx.t("api-ref-scope")) " "
                    @for s in scopes { code { (s.as_str().unwrap_or_default()) } " " }
                }
            }
            @if !params.is_empty() {
                h4 { (ctx.t("api-ref-parameters")) }
                div.table-wrap {
                    table.stack-narrow {
                        thead { tr {
                            th scope="col" { (ctx.t("api-ref-name")) }
                            th scope="col" { (ctx.t("api-ref-in")) }
                            th scope="col" { (ctx.t("api-ref-type")) }
                            th scope="col" { (ctx.t("api-ref-description")) }
                        } }
                        tbody {
                            @for p in &params {
                                tr {
                                    td { code { (p["name"].as_str().unwrap_or_default()) }
                                        @if p["required"] == true { " " span.small.hint { (ctx.t("api-ref-required")) } } }
                                    td data-label=(ctx.t("api-ref-in")) { (p["in"].as_str().unwrap_or_default()) }
                                    td data-label=(ctx.t("api-ref-type")) { (type_of(&p["schema"])) }
                                    td data-label=(ctx.t("api-ref-description")) { (described(&p["description"])) }
                                }
                            }
                        }
                    }
                }
            }
            @if !body.is_null() {
                h4 { (ctx.t("api-ref-body")) }
                p { "application/json: " (type_of(body)) }
            }
            h4 { (ctx.t("api-ref-responses")) }
            ul.api-responses {
                @for (status, r) in &responses {
                    li {
                        code { (status) } " " (described(&r["description"]))
                        @if let Some(schema) = r["content"]["application/json"].get("schema") {
                            " → " (type_of(schema))
                        }
                    }
                }
            }
        }
    }
}

fn shape(ctx: &PageCtx, name: &str, schema: &Value) -> Markup {
    let required: Vec<&str> = schema["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut properties: Vec<(String, Value)> = schema["properties"]
        .as_object()
        .map(|p| p.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default();
    // A flattened shape lists the properties of each part.
    for part in schema["allOf"].as_array().into_iter().flatten() {
        if let Some(p) = part["properties"].as_object() {
            properties.extend(p.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
    }
    html! {
        section.card id={ "schema-" (name) } aria-labelledby={ "schema-" (name) "-heading" } {
            h3 id={ "schema-" (name) "-heading" } { code { (name) } }
            @if let Some(d) = schema["description"].as_str() { p { (text(d)) } }
            div.table-wrap {
                table.stack-narrow {
                    thead { tr {
                        th scope="col" { (ctx.t("api-ref-field")) }
                        th scope="col" { (ctx.t("api-ref-type")) }
                        th scope="col" { (ctx.t("api-ref-description")) }
                    } }
                    tbody {
                        @for (field, p) in &properties {
                            tr {
                                td { code { (field) }
                                    @if required.contains(&field.as_str()) { " " span.small.hint { (ctx.t("api-ref-required")) } } }
                                td data-label=(ctx.t("api-ref-type")) { (type_of(p)) }
                                td data-label=(ctx.t("api-ref-description")) { (described(&p["description"])) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// `GET /help/api`: the reference of the API whose OpenAPI description is `doc`.
pub fn page(ctx: &PageCtx, doc: &Value) -> Markup {
    let title = ctx.t("api-ref-title");
    let base = doc["servers"][0]["url"].as_str().unwrap_or_default();
    let paths = doc["paths"].as_object().cloned().unwrap_or_default();
    let schemas = doc["components"]["schemas"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    let operations: Vec<(&str, String, Value)> = paths
        .iter()
        .flat_map(|(path, item)| {
            METHODS
                .iter()
                .filter(|m| item.get(**m).is_some())
                .map(|m| (*m, path.clone(), item[*m].clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    let body = html! {
        p.breadcrumb { a href="/help" { (ctx.t("help-title")) } }
        h1 { (title) }
        p.lead { (ctx.t("api-ref-intro")) }
        @if let Some(d) = doc["info"]["description"].as_str() { p { (text(d)) } }
        p {
            a href={ (base) "/openapi.json" } { (ctx.t("api-ref-download")) }
            " · " a href="/account/tokens" { (ctx.t("api-tokens-title")) }
        }
        nav.api-contents aria-labelledby="api-ref-contents" {
            h2 #api-ref-contents { (ctx.t("api-ref-operations")) }
            ul {
                @for (method, path, op) in &operations {
                    li {
                        a href={ "#" (anchor(method, path)) } { code { (method.to_uppercase()) " " (path) } }
                        @if let Some(s) = op["summary"].as_str() { " — " (text(s)) }
                    }
                }
            }
        }
        @for (method, path, op) in &operations { (operation(ctx, base, method, path, op)) }
        h2 { (ctx.t("api-ref-shapes")) }
        @for (name, schema) in &schemas { (shape(ctx, name, schema)) }
        (webhooks(ctx))
    };
    layout::page(ctx, &title, body)
}

/// What a webhook receiver is sent and how it checks it (docs/webhooks.md).
fn webhooks(ctx: &PageCtx) -> Markup {
    use crate::domain::webhook::HookEvent;
    let example = r#"POST /hooks/osc HTTP/1.1
Content-Type: application/json
OSC-Event: request.state_changed
OSC-Delivery: whd_5f36a77259ecc3087f5db178
OSC-Signature: t=1767312000,v1=8511f28f7a1949f0c42772b447d68b2d…

{"id":"whd_5f36a77259ecc3087f5db178","event":"request.state_changed",
 "created_at":"2026-01-02T00:00:00Z",
 "data":{"request":{"id":4,"number":"2026-000004","status":"in-progress",…},
         "from":"new","to":"in-progress"}}"#;
    let verify = r#"import hmac, hashlib, time
def verify(secret, header, body):
    parts = dict(p.split("=", 1) for p in header.split(","))
    if abs(time.time() - int(parts["t"])) > 300:
        return False
    mac = hmac.new(secret.encode(), f"{parts['t']}.".encode() + body, hashlib.sha256)
    return hmac.compare_digest(mac.hexdigest(), parts["v1"])"#;
    html! {
        section.card #webhooks aria-labelledby="webhooks-ref-heading" {
            h2 #webhooks-ref-heading { (ctx.t("webhooks-title")) }
            p { (ctx.t("api-ref-webhooks-intro")) " " a href="/webhooks" { (ctx.t("webhooks-manage")) } }
            h3 { (ctx.t("webhook-events")) }
            ul {
                @for event in HookEvent::ALL {
                    li { code { (event.name()) } " — " (ctx.t(&format!("webhook-event-{}", event.name().replace(['.', '_'], "-")))) }
                }
            }
            h3 { (ctx.t("api-ref-webhooks-request")) }
            pre { code { (example) } }
            h3 { (ctx.t("webhooks-how")) }
            p { (ctx.t("api-ref-webhooks-verify")) }
            pre { code { (verify) } }
            h3 { (ctx.t("api-ref-webhooks-retries-heading")) }
            p { (ctx.t("api-ref-webhooks-retries")) }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn code_spans_and_anchors() {
        assert_eq!(
            super::text("`read` for GET, <b>").into_string(),
            "<code>read</code> for GET, &lt;b&gt;"
        );
        assert_eq!(
            super::anchor("post", "/requests/{id}/messages"),
            "post-requests-id-messages"
        );
    }
}
