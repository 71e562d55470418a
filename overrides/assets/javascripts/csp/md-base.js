/* Material for MkDocs 9.8.1, partials/javascripts/base.html: its inline script moved into a file, so that the
   Content-Security-Policy needs no 'unsafe-inline' for scripts (see overrides/partials/javascripts/base.html).
   Re-copy when upgrading Material. */
__md_scope=new URL(document.currentScript.dataset.mdScope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
