// Helpers shared by the reader and the explorer.
// Everything that comes from an article or the store is untrusted: it only ever reaches the page
// as textContent or an attribute value set through the DOM, never as HTML.
"use strict";

const SAYSO = (() => {
  const SVG_NS = "http://www.w3.org/2000/svg";

  /** Create an element; children are nodes or strings (added as text, never parsed). */
  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  /** Create an SVG element with attributes and an optional text content. */
  function svg(tag, attrs = {}, text) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  function setAttrs(node, attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "dataset") Object.assign(node.dataset, v);
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
  }

  /** Fetch JSON; a failed request throws an Error carrying the server's one-line message. */
  async function getJSON(url, options = {}) {
    const response = await fetch(url, options);
    let body = null;
    try { body = await response.json(); } catch (_) { body = null; }
    if (!response.ok) {
      const detail = body && typeof body.detail === "string" ? body.detail : response.statusText;
      const error = new Error(`${response.status}: ${detail}`);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  // Distinct hues that keep dark text readable on their light tints.
  const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf",
                   "#8c564b", "#e377c2", "#bcbd22", "#7f7f7f", "#393b79", "#637939"];

  /** A colour per key, in order of first request: the same key always gets the same colour. */
  function colourer() {
    const seen = new Map();
    return (key) => {
      if (!seen.has(key)) seen.set(key, PALETTE[seen.size % PALETTE.length]);
      return seen.get(key);
    };
  }

  /** The badge text of a channel: "via X", "to Y", or the medium as written ("by phone"). */
  function channelLabel(channel) {
    if (channel.role === "via") return `via ${channel.text}`;
    if (channel.role === "addressee") return `to ${channel.text}`;
    return channel.text;
  }

  function badges(channels) {
    return (channels || []).map((c) =>
      el("span", { class: `badge badge-${c.role}`, title: c.role }, channelLabel(c)));
  }

  /** Show a one-line message in a status element (role=status or alert). */
  function status(node, message, isError = false) {
    node.textContent = message || "";
    node.classList.toggle("error", Boolean(isError));
  }

  return { el, svg, getJSON, colourer, channelLabel, badges, status };
})();
