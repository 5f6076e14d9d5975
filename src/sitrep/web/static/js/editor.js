// Edit mode (server started with --allow-edit): split events off a merged event, or merge it with
// another. Every request carries the analyst's token; the server keeps an audit row of each change.

import { getJSON, postJSON } from "./api.js";
import { node } from "./panel.js";

const TOKEN_KEY = "sitrep-edit-token";

export class Editor {
  constructor({ onChanged }) {
    this.onChanged = onChanged;
  }

  section(answer) {
    const box = node("section", { class: "edit" }, node("h3", {}, "Correct the merging"));
    const token = node("input", { type: "password", id: "edit-token", autocomplete: "off" });
    token.value = sessionStorage.getItem(TOKEN_KEY) || "";
    token.addEventListener("change", () => sessionStorage.setItem(TOKEN_KEY, token.value));
    box.append(node("label", {}, "Token ", token));
    const message = node("p", { class: "edit-message", role: "status", "aria-live": "polite" });
    const members = answer.members.filter(Boolean);
    if (answer.kind === "merged" && members.length > 1) {
      box.append(this.splitForm(answer, members, token, message));
    }
    if (answer.cluster_id) box.append(this.mergeForm(answer, token, message));
    box.append(message);
    return box;
  }

  splitForm(answer, members, token, message) {
    const form = node("fieldset", {}, node("legend", {}, "Take these reports out of this event"));
    const boxes = members.map((id) => {
      const check = node("input", { type: "checkbox", value: id });
      const label = node("label", { class: "inline" }, check, ` ${id}`);
      getJSON(`/api/events/${encodeURIComponent(id)}`).then((member) => {
        const e = member.event;
        label.lastChild.textContent = ` ${e.source || "?"}, ${e.published || "undated"}: ${e.sub_event_type}, ` +
          `${e.location || "?"} (${e.factuality})`;
      }).catch(() => {});
      form.append(label);
      return check;
    });
    const button = node("button", { type: "button" }, "Split selected off");
    button.addEventListener("click", () => {
      const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
      this.send("/api/edit/split", { event_ids: chosen }, token, message, answer.cluster_id);
    });
    form.append(button);
    return form;
  }

  mergeForm(answer, token, message) {
    const other = node("input", { type: "text", id: "merge-with", size: 24 });
    const button = node("button", { type: "button" }, "Merge");
    button.addEventListener("click", () => {
      this.send("/api/edit/merge", { ids: [answer.cluster_id, other.value.trim()] }, token, message,
        answer.cluster_id);
    });
    return node("p", {}, node("label", {}, "Merge with event ", other), " ", button);
  }

  async send(path, body, token, message, reopen) {
    sessionStorage.setItem(TOKEN_KEY, token.value);
    message.textContent = "Saving…";
    try {
      const result = await postJSON(path, body, token.value);
      const made = result.created && result.created.length ? `, new ${result.created.join(", ")}` : "";
      message.textContent = `Saved: kept ${result.kept}${made}.`;
      this.onChanged(result.kept || reopen, message.textContent);
    } catch (error) {
      message.textContent = `Not saved: ${error.message}`;
    }
  }
}
