/*! iframe-worker 1.0.4, the bootstrap the shim wrote inline into its iframe, as a file for the
   Content-Security-Policy (no inline script). It removes its own element: the search worker takes the first
   script[src] of the iframe for its own address. MIT licence, (c) 2020-2022 Martin Donath; see iframe-worker-LICENSE.txt. */
"use strict";(()=>{var s0=document.currentScript,u=s0.dataset.url;s0.remove();window.postMessage=function(s,n){parent.postMessage(s,n||"*")};window.importScripts=function(...s){return s.reduce((n,e)=>n.then(()=>new Promise(r=>{let t=document.createElement("script");t.src=e,t.onload=r,document.body.appendChild(t)})),Promise.resolve())};addEventListener("error",({error})=>{parent.dispatchEvent(new ErrorEvent("error",{filename:u,error}))})})();
