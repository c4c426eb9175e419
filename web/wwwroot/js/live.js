// The page's one live connection. Pushes arrive as { event, version, payload } and are re-dispatched
// as DOM events ("hs:push"); after a reconnect, "hs:resync" tells panels to fetch a fresh snapshot.
const status = document.getElementById("live-status");

function show(up) {
  if (!status) return;
  status.classList.toggle("up", up);
  status.classList.toggle("down", !up);
  status.title = up ? status.dataset.up : status.dataset.down;
}

const connection = new signalR.HubConnectionBuilder()
  .withUrl("/hubs/live")
  .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
  .build();

connection.on("push", (message) => document.dispatchEvent(new CustomEvent("hs:push", { detail: message })));
connection.onreconnecting(() => show(false));
connection.onreconnected(() => {
  show(true);
  document.dispatchEvent(new CustomEvent("hs:resync"));
});
connection.onclose(() => show(false));

async function start() {
  try {
    await connection.start();
    show(true);
    document.body.dataset.live = "up";
  } catch {
    show(false);
    setTimeout(start, 3000);
  }
}
start();
