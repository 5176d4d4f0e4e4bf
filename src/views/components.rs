//! Small building blocks shared by pages: form fields, notices, page headings.

use maud::{Markup, html};

/// One labelled input with its hint and error, as every form shows them: label above,
/// hint under the label, error under the field (with an icon and words).
pub struct Field<'a> {
    /// `name` (and `id`) of the input.
    pub name: &'a str,
    /// Visible label.
    pub label: &'a str,
    /// `type` of the input.
    pub kind: &'a str,
    /// Value to show (what the user typed).
    pub value: &'a str,
    /// Hint under the label.
    pub hint: Option<&'a str>,
    /// Error under the field.
    pub error: Option<&'a str>,
    /// Whether the field is required.
    pub required: bool,
    /// `autocomplete` token.
    pub autocomplete: Option<&'a str>,
}

impl<'a> Field<'a> {
    /// A required text-like field with nothing filled in.
    pub fn new(name: &'a str, label: &'a str, kind: &'a str) -> Self {
        Self {
            name,
            label,
            kind,
            value: "",
            hint: None,
            error: None,
            required: true,
            autocomplete: None,
        }
    }

    /// Sets the `autocomplete` token.
    pub fn autocomplete(mut self, token: &'a str) -> Self {
        self.autocomplete = Some(token);
        self
    }

    /// Renders the field.
    pub fn render(&self) -> Markup {
        let hint_id = format!("{}-hint", self.name);
        let error_id = format!("{}-error", self.name);
        let described: Vec<&str> = [
            self.hint.map(|_| hint_id.as_str()),
            self.error.map(|_| error_id.as_str()),
        ]
        .into_iter()
        .flatten()
        .collect();
        html! {
            div.field.has-error[self.error.is_some()] {
                label for=(self.name) {
                    (self.label)
                    @if self.required { span.required aria-hidden="true" { " *" } }
                }
                @if let Some(hint) = self.hint {
                    p.hint id=(hint_id) { (hint) }
                }
                input id=(self.name) name=(self.name) type=(self.kind) value=(self.value)
                    required[self.required]
                    autocomplete=[self.autocomplete]
                    aria-invalid=[self.error.map(|_| "true")]
                    aria-describedby=[(!described.is_empty()).then(|| described.join(" "))];
                @if let Some(error) = self.error {
                    p.field-error id=(error_id) {
                        span.icon aria-hidden="true" { "⚠" } " " (error)
                    }
                }
            }
        }
    }
}
