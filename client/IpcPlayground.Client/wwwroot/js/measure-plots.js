// The measure page's plots. plotly.js (the basic bundle Plotly.Blazor ships as a static web asset) is fetched the first
// time a plot is drawn, so no other page ever loads it. A figure comes as JSON text built in C# (Services/Measure/PlotFigures.cs).
const script = "_content/Plotly.Blazor/plotly-basic-3.7.0.min.js";
let loading;

function plotly() {
    return loading ??= new Promise((resolve, reject) => {
        if (window.Plotly) { resolve(window.Plotly); return; }
        const element = document.createElement("script");
        element.src = script;
        element.async = true;
        element.onload = () => resolve(window.Plotly);
        element.onerror = () => { loading = undefined; reject(new Error("plotly.js could not be loaded")); };
        document.head.appendChild(element);
    });
}

export async function draw(element, figureJson) {
    const Plotly = await plotly();
    const figure = JSON.parse(figureJson);
    await Plotly.react(element, figure.data, figure.layout, { responsive: true, displaylogo: false });
}

export function purge(element) {
    if (window.Plotly && element) window.Plotly.purge(element);
}
