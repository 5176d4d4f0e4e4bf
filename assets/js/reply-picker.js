// Saved replies on a request's page, for the service team: picking one in the list
// puts its text (filled in for this request, in the requester's language) into the
// message field at once, where the cursor is, keeping what was typed. Without this
// script the "Insert" button loads the page again with the reply in the field, and
// offers the reply's change of state; that button stays for it.
document.addEventListener('DOMContentLoaded', () => {
  const pick = document.getElementById('reply');
  const field = document.getElementById('message');
  if (!pick || !field) return;
  pick.addEventListener('change', () => {
    const text = document.getElementById('reply-text-' + pick.value);
    if (!text) return;
    const reply = text.content.textContent;
    const [start, end] = [field.selectionStart, field.selectionEnd];
    field.value = field.value.slice(0, start) + reply + field.value.slice(end);
    field.selectionStart = field.selectionEnd = start + reply.length;
    field.focus();
  });
});
