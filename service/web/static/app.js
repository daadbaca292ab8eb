// tdkt web page: uploads with progress, inline corrections, evidence on the page image.
// Every change goes through the JSON API with the sign-in cookie and the CSRF token.
"use strict";

const csrf = () => document.querySelector('meta[name="csrf-token"]')?.content || "";

async function api(method, url, body) {
  const options = { method, headers: { "X-CSRF-Token": csrf() }, credentials: "same-origin" };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(url, options);
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const message = data?.error?.message || response.statusText;
    throw new Error(message);
  }
  return data;
}

const STATUS = {
  pending: "Chờ nhận vào kho", rejected: "Bị từ chối", duplicate: "Đã có trong kho",
  queued: "Đang chờ đọc", processing: "Đang đọc", done: "Đã đọc xong", failed: "Không đọc được",
};
const ACTIONS = { extracted: "Đọc tự động", corrected: "Sửa", approved: "Duyệt", reprocessed: "Đọc lại" };
const FIELDS = {
  name: "Họ và tên", position: "Chức vụ", unit: "Đơn vị", award_code: "Hình thức", period: "Năm học",
  number: "Số quyết định", date: "Ngày ký", issuer: "Cơ quan ban hành", signer_name: "Người ký",
};
const when = (iso) => new Date(iso).toLocaleString("vi-VN");
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
};

// ---- upload -------------------------------------------------------------------------
function setupUpload() {
  const input = document.getElementById("files");
  const zone = document.getElementById("dropzone");
  const list = document.getElementById("upload-list");
  if (!input || !zone || !list) return;
  const waiting = [];
  let running = 0;
  const pump = () => {
    while (running < 2 && waiting.length) {
      running += 1;
      send(waiting.shift()).finally(() => { running -= 1; pump(); });
    }
  };
  const add = (files) => {
    for (const file of files) {
      const bar = el("progress", { max: "100", value: "0", "aria-label": `Tiến độ tải ${file.name}` });
      const state = el("span", { class: "state" }, "Chờ tải lên");
      const item = el("li", { class: "upload" }, el("span", { class: "name" }, file.name), bar, state);
      list.append(item);
      waiting.push({ file, bar, state, item });
    }
    pump();
  };
  input.addEventListener("change", () => { add(input.files); input.value = ""; });
  zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => { e.preventDefault(); zone.classList.remove("over"); add(e.dataTransfer.files); });
}

function send({ file, bar, state, item }) {
  const isZip = /\.zip$/i.test(file.name);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", isZip ? "/api/v1/batches" : "/api/v1/documents");
    xhr.setRequestHeader("X-CSRF-Token", csrf());
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) bar.value = Math.round((100 * e.loaded) / e.total); };
    xhr.onerror = () => { state.textContent = "Lỗi mạng, chưa tải được"; item.classList.add("failed"); resolve(); };
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { body = null; }
      if (xhr.status >= 400) {
        state.textContent = `Bị từ chối: ${body?.error?.message || xhr.statusText}`;
        item.classList.add("failed");
        return resolve();
      }
      bar.value = 100;
      if (isZip) {
        state.replaceChildren("Đã nhận lô — ", el("a", { href: `/batches/${body.id}` }, "xem tiến độ"));
        return resolve();
      }
      if (xhr.status === 200) state.textContent = "Đã có trong kho — ";
      follow(body.id, state, item).then(resolve);
    };
    const form = new FormData();
    form.append("file", file, file.name);
    xhr.send(form);
  });
}

async function follow(id, state, item) {
  for (;;) {
    let doc;
    try { doc = await api("GET", `/api/v1/documents/${id}`); } catch (error) { state.textContent = error.message; return; }
    if (doc.status === "done" || doc.status === "failed") {
      const link = el("a", { href: `/documents/${id}` }, "Xem và duyệt");
      if (doc.status === "done") {
        state.replaceChildren(`Xong: ${doc.award_count} khen thưởng. `, link);
        item.classList.add("done");
      } else {
        state.replaceChildren(`Không đọc được: ${doc.error?.message || doc.error?.code || ""}. `, link);
        item.classList.add("failed");
      }
      return;
    }
    state.textContent = STATUS[doc.status] || doc.status;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

// ---- document view ------------------------------------------------------------------
function setupDocument() {
  const frame = document.getElementById("page-frame");
  if (!frame) return;
  const documentId = frame.dataset.document;
  let pages = [];
  let shown = null;
  const image = el("img", { alt: "", class: "page-image" });
  const box = el("div", { class: "evidence", hidden: "" });
  // The box is placed in % of this wrapper, which is exactly the image's size (the frame
  // around it scrolls, so its own height is not the page's).
  const canvas = el("div", { class: "page-canvas" }, image, box);
  image.addEventListener("load", () => frame.setAttribute("aria-busy", "false"));
  const tabs = document.getElementById("page-tabs");
  const note = document.getElementById("page-note");

  const show = (number) => {
    const page = pages.find((p) => p.number === number) || pages[0];
    if (!page) return;
    if (shown !== page.number) {
      shown = page.number;
      if (page.has_image) {
        frame.setAttribute("aria-busy", "true");
        image.src = page.image_url;
        image.alt = `Trang ${page.number}`;
        frame.replaceChildren(canvas);
      } else {
        frame.replaceChildren(el("p", { class: "muted" }, "Tệp DOCX không có ảnh trang."));
      }
      for (const button of tabs.querySelectorAll("button")) {
        button.setAttribute("aria-pressed", String(Number(button.dataset.page) === page.number));
      }
    }
    return page;
  };
  const highlight = (article) => {
    const page = show(Number(article.dataset.page) || 1);
    const bbox = article.dataset.bbox ? JSON.parse(article.dataset.bbox) : null;
    if (!page || !bbox || !page.width || !page.height || !page.has_image) { box.hidden = true; return; }
    const [x0, y0, x1, y1] = bbox;
    box.style.left = `${(100 * x0) / page.width}%`;
    box.style.top = `${(100 * y0) / page.height}%`;
    box.style.width = `${(100 * (x1 - x0)) / page.width}%`;
    box.style.height = `${(100 * (y1 - y0)) / page.height}%`;
    box.hidden = false;
    box.scrollIntoView({ block: "nearest", behavior: "smooth" });
  };

  fetch(`/api/v1/documents/${documentId}/pages`, { credentials: "same-origin" })
    .then((r) => (r.ok ? r.json() : Promise.reject(r)))
    .then((list) => {
      pages = list.items || list;
      for (const page of pages) {
        const button = el("button", { type: "button", "data-page": String(page.number), "aria-pressed": "false" }, `Trang ${page.number}`);
        button.addEventListener("click", () => show(page.number));
        tabs.append(button);
      }
      show(1);
      const target = location.hash && document.querySelector(location.hash);
      if (target?.classList.contains("award")) { target.focus(); highlight(target); }
    })
    .catch(() => { if (note) note.textContent = "Chưa có ảnh trang."; });

  for (const article of document.querySelectorAll("article.award")) {
    article.addEventListener("focusin", () => highlight(article));
    article.addEventListener("mouseenter", () => highlight(article));
    article.addEventListener("change", (event) => save(article, event.target));
    article.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && event.target.matches("input")) { event.preventDefault(); event.target.blur(); }
    });
    const details = article.querySelector("details.history");
    details?.addEventListener("toggle", () => { if (details.open) loadHistory(details); });
  }
  const own = document.getElementById("docfields");
  own?.addEventListener("change", async (event) => {
    const input = event.target;
    const field = input.dataset.documentField;
    if (!field || input.readOnly) return;
    const status = document.getElementById("docfields-status");
    status.textContent = "Đang lưu…";
    try {
      await api("PATCH", `/api/v1/documents/${own.dataset.document}`, { [field]: input.value });
      input.closest(".field").classList.add("corrected");
      input.closest(".field").classList.remove("low");
      input.removeAttribute("aria-invalid");
      status.textContent = "Đã lưu. Mọi dòng khen thưởng của văn bản đã được cập nhật.";
    } catch (error) {
      input.setAttribute("aria-invalid", "true");
      status.textContent = `Không lưu được: ${error.message}`;
    }
  });
  own?.addEventListener("submit", (event) => event.preventDefault());  // fields save on change
  own?.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.matches("input")) { event.preventDefault(); event.target.blur(); }
  });
  const reprocess = document.getElementById("reprocess");
  reprocess?.addEventListener("click", async () => {
    const status = document.getElementById("approve-status");
    try {
      await api("POST", `/api/v1/documents/${reprocess.dataset.document}/reprocess`, {});
      reprocess.disabled = true;
      status.textContent = "Đang đọc lại…";
      await follow(reprocess.dataset.document, status, status);
      location.reload();
    } catch (error) {
      status.textContent = `Không đọc lại được: ${error.message}`;
    }
  });
  const approve = document.getElementById("approve");
  approve?.addEventListener("click", async () => {
    const status = document.getElementById("approve-status");
    try {
      const doc = await api("POST", `/api/v1/documents/${approve.dataset.document}/approve`, {});
      document.getElementById("review-state").textContent = `Đã duyệt (${doc.reviewed_by})`;
      approve.setAttribute("aria-pressed", "true");
      status.textContent = "Đã duyệt tài liệu.";
      for (const d of document.querySelectorAll("details.history[open]")) loadHistory(d);
    } catch (error) {
      status.textContent = `Không duyệt được: ${error.message}`;
    }
  });
}

async function save(article, input) {
  const field = input.dataset.field;
  if (!field || input.readOnly || input.disabled) return;
  const status = article.querySelector(".row-status");
  status.textContent = "Đang lưu…";
  try {
    const award = await api("PATCH", `/api/v1/awards/${article.dataset.award}`, { [field]: input.value });
    input.closest(".field").classList.add("corrected");
    input.closest(".field").classList.remove("low");
    if (field === "name") article.querySelector("h3 a").textContent = award.recipient.name;
    status.textContent = `Đã lưu ${FIELDS[field] || field}.`;
    const details = article.querySelector("details.history");
    if (details?.open) loadHistory(details);
  } catch (error) {
    status.textContent = `Không lưu được: ${error.message}`;
    input.setAttribute("aria-invalid", "true");
    return;
  }
  input.removeAttribute("aria-invalid");
}

async function loadHistory(details) {
  const list = details.querySelector(".history-list");
  try {
    const entries = await api("GET", `/api/v1/awards/${details.dataset.award}/history`);
    list.replaceChildren(
      ...entries.map((h) => {
        const what = h.field
          ? `${FIELDS[h.field] || h.field}: «${h.old_value ?? ""}» → «${h.new_value ?? ""}»`
          : h.note || "";
        return el("li", {}, el("time", { datetime: h.at }, when(h.at)), ` — ${h.user} — ${ACTIONS[h.action] || h.action}${what ? ": " + what : ""}`);
      }),
    );
  } catch (error) {
    list.replaceChildren(el("li", {}, `Không tải được lịch sử: ${error.message}`));
  }
}

// ---- batches and users ----------------------------------------------------------------
function setupBatch() {
  const root = document.getElementById("batch");
  if (!root) return;
  const tick = async () => {
    const batch = await api("GET", `/api/v1/batches/${root.dataset.batch}`);
    const settled = Object.entries(batch.counts).filter(([s]) => ["done", "failed", "rejected", "duplicate"].includes(s)).reduce((n, [, c]) => n + c, 0);
    document.getElementById("batch-progress").max = batch.total;
    document.getElementById("batch-progress").value = settled;
    document.getElementById("batch-settled").textContent = settled;
    document.getElementById("batch-total").textContent = batch.total;
    document.getElementById("batch-eta").textContent = batch.finished ? " — xong." : batch.eta_seconds ? ` — còn khoảng ${Math.ceil(batch.eta_seconds / 60)} phút` : "";
    document.getElementById("batch-counts").replaceChildren(...Object.entries(batch.counts).flatMap(([s, n]) => [el("dt", {}, STATUS[s] || s), el("dd", {}, String(n))]));
    if (!batch.finished) setTimeout(tick, 2000);
  };
  tick().catch(() => {});
}

function setupUsers() {
  const form = document.getElementById("add-user");
  if (!form) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const result = document.getElementById("add-user-result");
    const data = Object.fromEntries(new FormData(form));
    try {
      await api("POST", "/api/v1/users", data);
      result.textContent = `Đã thêm ${data.name}.`;
      setTimeout(() => location.reload(), 600);
    } catch (error) {
      result.textContent = `Không thêm được: ${error.message}`;
    }
  });
  for (const button of document.querySelectorAll("[data-token-for]")) {
    button.addEventListener("click", async () => {
      const out = document.getElementById("token-out");
      try {
        const made = await api("POST", `/api/v1/users/${encodeURIComponent(button.dataset.tokenFor)}/tokens`, { label: "web" });
        out.replaceChildren(`Mã API của ${button.dataset.tokenFor} (chỉ hiện một lần): `, el("code", {}, made.token));
      } catch (error) {
        out.textContent = error.message;
      }
    });
  }
}

function setupPeople() {
  const status = document.getElementById("people-status");
  if (!status) return;
  for (const button of document.querySelectorAll("[data-join], [data-unjoin]")) {
    button.addEventListener("click", async () => {
      const person = encodeURIComponent(button.dataset.person);
      try {
        const joined = button.dataset.join
          ? await api("POST", `/api/v1/people/${person}/joined`, { person_id: button.dataset.join })
          : await api("DELETE", `/api/v1/people/${person}/joined/${encodeURIComponent(button.dataset.unjoin)}`);
        status.textContent = button.dataset.join ? "Đã gộp." : "Đã tách.";
        location.assign(`/people/${encodeURIComponent(joined.id)}`);
      } catch (error) {
        status.textContent = `Không thực hiện được: ${error.message}`;
      }
    });
  }
}

document.addEventListener("DOMContentLoaded", () => {
  setupPeople();
  setupUpload();
  setupDocument();
  setupBatch();
  setupUsers();
});
