/*
 * Registers the add-in in this computer's WPS through WPS's local service (port 58890), as
 * Kingsoft's own publish page does: the add-in is then loaded from this page's folder (online
 * mode). Plain ES5: it runs in any browser the user opens it in.
 */
(function () {
  "use strict";
  var SERVICE = "http://127.0.0.1:58890";
  var NAME = "selfeval";
  var folder = location.href.replace(/[^/]*([?#].*)?$/, "");
  var status = document.getElementById("status");

  function say(text) {
    status.textContent = text;
  }

  function post(path, body, done) {
    var request = new XMLHttpRequest();
    request.open("POST", SERVICE + path);
    request.timeout = 3000;
    request.onload = function () {
      done(request.status === 200 ? null : "HTTP " + request.status, request.responseText);
    };
    request.onerror = request.ontimeout = function () {
      done("unreachable", "");
    };
    request.send(body);
  }

  function base64(text) {
    return btoa(unescape(encodeURIComponent(text)));
  }

  /** The service from version 1.0.2 wants a stable id of the calling page with each request. */
  function serverId() {
    var id = localStorage.getItem("selfeval.serverId");
    if (!id) {
      id = "selfeval-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
      localStorage.setItem("selfeval.serverId", id);
    }
    return id;
  }

  function deploy(cmd) {
    say("正在连接本机 WPS…");
    post("/version", "", function (error, version) {
      if (error) {
        say("未连接到本机 WPS：请先安装并启动一次 WPS Office，再回到本页重试。");
        return;
      }
      var data = JSON.stringify({
        cmd: cmd,
        name: NAME,
        url: folder,
        addonType: "et",
        online: "true",
        version: "1.0.0",
        customDomain: "",
      });
      var body =
        version >= "1.0.2"
          ? JSON.stringify({ serverId: serverId(), data: base64(data) })
          : base64(data);
      post("/deployaddons/runParams", body, function (failed, answer) {
        if (failed || (answer && answer !== "OK"))
          say("WPS 未接受此操作（" + (failed || answer) + "）。");
        else say(cmd === "enable" ? "已安装：请重启 WPS 表格。" : "已卸载：请重启 WPS 表格。");
      });
    });
  }

  document.getElementById("install").onclick = function () {
    deploy("enable");
  };
  document.getElementById("remove").onclick = function () {
    deploy("disable");
  };
})();
