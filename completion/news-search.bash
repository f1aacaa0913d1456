# bash completion for news-index, news-search and news-serve          -*- shell-script -*-
#
# Installed as share/bash-completion/completions/news-search (and news-index, news-serve:
# the same file, which bash-completion loads by command name). From a checkout:
#     source completion/news-search.bash
# Works with the bash-completion package (_init_completion) and without it.
#
# news-search completes its options and their values, query fields (spe<Tab>: speaker:),
# and values read from the database: source:<Tab> the sources' slugs (news-search --sources
# --json), speaker:<Tab> the speakers (--speakers --json), person: author: place: topic:
# lang: the values of their facets (--facet FIELD:0 --json). The database is the --db
# (or -d) typed so far, else news-search's own default ($NEWS_DB, else ./news.db). Each
# lookup is one call of news-search; when it fails, nothing is completed.
#
# The query is a single argument to the program, but the shell removes quotes: the phrase
# "barack obama" has to reach news-search with its quotes. So a name of several words
# completes quoted for both: speaker:bar<Tab> gives speaker:'"barack obama"', and inside
# a quoted query ('tariffs speaker:"bar<Tab>) the name is completed within the quotes.

_news_search_fields="title: body: quote: said: speaker: person: author: source: place: lang: topic: date:"
# news-search's options that take a value, but --db
_news_search_valued="-s --sort -n --limit --offset --trec --qid --batch --facet --split --now --tz --ranking --color --timeout --query"
_news_search_facets="speaker person source author place topic language year month day"
_news_search_dates='today yesterday "this week" "last week" "this month" "last month" "this year" "last year" "past 7 days" "past 30 days"'
_news_stemmers="none english arabic armenian basque catalan danish dutch earlyenglish finnish french german german2 hungarian indonesian irish italian kraaij_pohlmann lithuanian lovins nepali norwegian porter portuguese romanian russian spanish swedish tamil turkish"

# _news_split: cur, prev, words, cword from COMP_LINE up to the cursor, split at unquoted
# blanks only (the words keep their quotes, as _init_completion -n =: gives them).
_news_split()
{
    local line=${COMP_LINE:0:COMP_POINT} c q='' w='' i
    words=()
    for ((i = 0; i < ${#line}; i++)); do
        c=${line:i:1}
        if [[ $q == "'" ]]; then
            w+=$c
            [[ $c == "'" ]] && q=
        elif [[ $c == \\ ]]; then
            w+=${line:i:2}
            ((i++))
        elif [[ $q == '"' ]]; then
            w+=$c
            [[ $c == '"' ]] && q=
        elif [[ $c == [$' \t\n'] ]]; then
            [[ $w ]] && words+=("$w")
            w=
        else
            [[ $c == [\"\'] ]] && q=$c
            w+=$c
        fi
    done
    words+=("$w")
    cword=$((${#words[@]} - 1))
    cur=$w
    prev=${words[cword - 1]-}
}

# _news_init: sets cur prev words cword (the caller's locals); returns 1 when there is
# nothing more to do (bash-completion completed a redirection or a variable).
_news_init()
{
    COMPREPLY=()
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion -n =: || return 1
    else
        _news_split
    fi
    return 0
}

# _news_dequote WORD: what the program receives for WORD as typed so far (_news_arg), and
# where readline's text (the part a completion replaces) starts: _news_head is what the
# program receives for the part before it, _news_mode the quote open there (' or " or
# nothing). Readline's text starts after an open quote, else after the last unquoted
# character of COMP_WORDBREAKS (":" and "=" among them).
_news_dequote()
{
    local w=$1 c i mode='' out='' head='' qhead=''
    local breaks=${COMP_WORDBREAKS-$' \t\n"\'><=;|&(:'}
    for ((i = 0; i < ${#w}; i++)); do
        c=${w:i:1}
        if [[ $mode == "'" ]]; then
            if [[ $c == "'" ]]; then mode=; else out+=$c; fi
        elif [[ $mode == '"' ]]; then
            if [[ $c == '"' ]]; then
                mode=
            elif [[ $c == \\ && ${w:i+1:1} == [\"\\\$\`] ]]; then
                out+=${w:i+1:1}
                ((i++))
            else
                out+=$c
            fi
        elif [[ $c == \\ ]]; then
            out+=${w:i+1:1}
            ((i++))
        elif [[ $c == [\"\'] ]]; then
            mode=$c
            qhead=$out
        else
            out+=$c
            [[ $breaks == *"$c"* ]] && head=$out
        fi
    done
    _news_arg=$out
    _news_mode=$mode
    if [[ $mode ]]; then _news_head=$qhead; else _news_head=$head; fi
}

# _news_reply [-f] ARG...: COMPREPLY from whole arguments (what the program is to receive),
# each quoted for the shell as the word is typed so far, and cut to readline's text. -f:
# file names (readline quotes them itself).
_news_reply()
{
    local files='' a h r safe=1
    local -a rs=()
    [[ ${1-} == -f ]] && files=1 && shift
    _news_dequote "$cur"
    for a; do
        if [[ ${a:0:${#_news_head}} != "$_news_head" ]]; then
            # a value matched whatever its case: keep the head as typed
            h=${a:0:${#_news_head}}
            [[ ${h,,} == "${_news_head,,}" ]] || continue
            a=$_news_head${a:${#_news_head}}
        fi
        r=${a:${#_news_head}}
        rs+=("$r")
        [[ $r == *[![:alnum:]_.,:=+@%/-]* ]] && safe=
    done
    [[ ${_news_arg:${#_news_head}} ]] || safe=1
    if [[ $files ]]; then
        compopt -o filenames 2>/dev/null
        COMPREPLY=("${rs[@]}")
        return
    fi
    for r in "${rs[@]}"; do
        case $_news_mode in
            "'") r=${r//\'/\'\\\'\'} ;;
            '"')
                r=${r//\\/\\\\}
                r=${r//\"/\\\"}
                r=${r//\$/\\\$}
                r=${r//\`/\\\`}
                # readline closes the quote unless the match ends with one
                [[ $r == *\\\" ]] && r+='"'
                ;;
            *)
                # unquoted: in single quotes if it needs them, and then all of them when
                # something is typed (readline puts in what they have in common: it has
                # to begin with what is typed)
                [[ $safe && $r != *[![:alnum:]_.,:=+@%/-]* ]] ||
                    r="'${r//\'/\'\\\'\'}'"
                ;;
        esac
        COMPREPLY+=("$r")
    done
}

# _news_nospace: no space after the completion (a field's "speaker:", "k1=", a folder).
_news_nospace()
{
    compopt -o nospace 2>/dev/null
}

# _news_words_of PREFIX TYPED WORDLIST: the words of WORDLIST (split as the shell would)
# starting with TYPED, as PREFIX+WORD, into _news_cands.
_news_words_of()
{
    local prefix=$1 typed=$2 w
    local -a list
    eval "list=($3)"
    for w in "${list[@]}"; do
        [[ $w == "$typed"* ]] && _news_cands+=("$prefix$w")
    done
}

# _news_files PREFIX TYPED [-d]: files (or folders) starting with TYPED.
_news_files()
{
    local prefix=$1 typed=$2 f
    local -a found
    mapfile -t found < <(compgen "${3:--f}" -- "$typed")
    for f in "${found[@]}"; do _news_cands+=("$prefix$f"); done
}

# _news_program: the news-search to ask: the one typed (./build/searcher/news-search),
# else news-search on the PATH.
_news_program()
{
    _news_dequote "${words[0]}"
    local p=$_news_arg
    # shellcheck disable=SC2088 # a "~/" typed, expanded here
    [[ $p == "~/"* ]] && p=$HOME/${p:2}
    if [[ $p == */* && -x $p && ! -d $p ]]; then
        _news_prog=$p
    else
        _news_prog=news-search
    fi
}

# _news_dbs: --db arguments typed before the current word, into _news_db_args.
_news_dbs()
{
    local i w next=''
    _news_db_args=()
    for ((i = 1; i < cword; i++)); do
        w=${words[i]}
        if [[ $next == value ]]; then
            next=
            continue
        elif [[ $next ]]; then
            next=
            _news_dequote "$w"
            w=$_news_arg
        elif [[ " $_news_search_valued " == *" $w "* ]]; then
            next=value   # the value of another option (--sort -date is no -d)
            continue
        elif [[ $w == --db || $w == -d ]]; then
            next=1
            continue
        elif [[ $w == --db=* ]]; then
            _news_dequote "${w#--db=}"
            w=$_news_arg
        elif [[ $w == -d?* ]]; then
            _news_dequote "${w#-d}"
            w=$_news_arg
        elif [[ $w == -- ]]; then
            break
        else
            continue
        fi
        # shellcheck disable=SC2088 # a "~/" typed, expanded here
        [[ $w == "~/"* ]] && w=$HOME/${w:2}
        _news_db_args+=(--db "$w")
    done
}

# _news_lookup KEY ARG...: runs news-search (once) with the databases typed and ARGs, and
# puts the string values of KEY in its JSON output into _news_vals. Nothing when it fails.
_news_lookup()
{
    local key=$1 out line
    shift
    _news_vals=()
    _news_program
    _news_dbs
    out=$(command "$_news_prog" "${_news_db_args[@]}" "$@" 2>/dev/null </dev/null)
    [[ $out ]] || return
    # news-search prints its JSON one key a line
    local re='^[[:space:]]*"'$key'":[[:space:]]*"([^"\\]*)",?[[:space:]]*$'
    local -a lines
    mapfile -t lines <<<"$out"
    for line in "${lines[@]}"; do
        [[ $line =~ $re ]] && _news_vals+=("${BASH_REMATCH[1]}")
    done
}

# _news_value_cands PREFIX TYPED: the values in _news_vals (folded to lower case, as the
# query matches them) starting with TYPED, whatever its case. Values that are not one plain
# word are quoted for the query ("barack obama"); all are when TYPED opens a quote, or when
# one is and TYPED is not empty (readline puts in what they have in common: it has to
# begin with what is typed).
_news_value_cands()
{
    local prefix=$1 typed=$2 quoted='' some='' v
    local -a vs=()
    local -A seen=()
    if [[ $typed == \"* ]]; then
        quoted=1
        typed=${typed:1}
    fi
    typed=${typed,,}
    for v in "${_news_vals[@]}"; do
        v=${v,,}
        [[ $v == "$typed"* && -z ${seen[$v]-} ]] || continue
        seen[$v]=1
        vs+=("$v")
        [[ $v == *[![:alnum:]_.-]* ]] && some=1
    done
    [[ $some && $typed ]] && quoted=1
    for v in "${vs[@]}"; do
        [[ $v == *[\"\\]* ]] && continue
        if [[ $quoted || $v == *[![:alnum:]_.-]* ]]; then
            _news_cands+=("$prefix\"$v\"")
        else
            _news_cands+=("$prefix$v")
        fi
    done
}

# _news_query_cands PREFIX ARG: completions (PREFIX+ARG completed) of the query word being
# typed at the end of ARG (a query argument, maybe several words): field names, and the
# values of some fields.
_news_query_cands()
{
    local prefix=$1 arg=$2 i c q='' start=0 tok sign='' field eq value narrow=''
    # speaker:"ruth callo: the shell's quote is meant as the phrase's, which the program
    # only gets when it is given quoted (speaker:"\"ruth calloway\"")
    local field_re='(^|[[:space:](=+-])[A-Za-z]+:=?$'
    if [[ $_news_mode == '"' && $_news_head =~ $field_re &&
        ${#_news_head} -ge ${#prefix} && $prefix$arg == "$_news_head"* ]]; then
        i=$((${#_news_head} - ${#prefix}))
        arg=${arg:0:i}\"${arg:i}
    fi
    # the query word being typed: after the last blank or "(" outside a phrase
    for ((i = 0; i < ${#arg}; i++)); do
        c=${arg:i:1}
        if [[ $c == '"' ]]; then
            [[ $q ]] && q= || q=1
        elif [[ ! $q && $c == [$' \t\n('] ]]; then
            start=$((i + 1))
        fi
    done
    tok=${arg:start}
    if [[ $tok == [-+]* ]]; then
        sign=${tok:0:1}
        tok=${tok:1}
    fi
    local head=$prefix${arg:0:start}$sign
    if [[ $tok =~ ^([A-Za-z]+):(=?)(.*)$ ]]; then
        field=${BASH_REMATCH[1]} eq=${BASH_REMATCH[2]} value=${BASH_REMATCH[3]}
        head+=$field:$eq
        field=${field,,}
        # a word typed narrows the lookup of names (speaker:bar*): the same names, sooner
        if [[ $field == speaker || $field == person || $field == author ]]; then
            narrow=${value#\"}
            narrow=${narrow,,}
            narrow=${narrow%%[!abcdefghijklmnopqrstuvwxyz0123456789]*}
            [[ $narrow ]] && narrow="$field:$narrow*"
        fi
        case $field in
            source)
                _news_lookup slug --sources --json
                ;;
            speaker)
                _news_lookup name --speakers --json ${narrow:+"$narrow"}
                ;;
            person | author | place | topic | lang)
                [[ $eq && $field != person && $field != author ]] && return
                local facet=$field
                [[ $field == lang ]] && facet=language
                _news_lookup value --facet "$facet:0" -n 0 --json ${narrow:+"$narrow"}
                ;;
            date)
                [[ $eq ]] && return
                eval "_news_vals=($_news_search_dates)"
                ;;
            *) return ;;
        esac
        _news_value_cands "$head" "$value"
    elif [[ $tok != *[:\"]* ]]; then
        local f
        for f in $_news_search_fields; do
            [[ $f == "${tok,,}"* ]] && _news_cands+=("$head$f")
        done
        _news_nospace
    fi
}

# _news_option_value PROGRAM OPTION PREFIX TYPED: candidates for an option's value;
# returns 1 when OPTION takes no value.
_news_option_value()
{
    local prog=$1 opt=$2 prefix=$3 typed=$4
    case $prog:$opt in
        *:--db | *:-d | news-serve:--web)
            _news_files "$prefix" "$typed" -d
            _news_file_reply=1
            ;;
        news-search:--batch | news-index:--manifest | news-index:-m | news-index:--input)
            _news_files "$prefix" "$typed"
            _news_file_reply=1
            ;;
        news-search:--sort | news-search:-s)
            _news_words_of "$prefix" "$typed" "relevance date -date"
            ;;
        news-search:--color | news-index:--progress)
            _news_words_of "$prefix" "$typed" "auto always never"
            ;;
        news-search:--facet | news-search:--split)
            _news_words_of "$prefix" "$typed" "$_news_search_facets"
            ;;
        news-search:--ranking)
            # k1=1.2,b=0.75,...: the item after the last comma
            local items=''
            [[ $typed == *,* ]] && items=${typed%,*},
            _news_words_of "$prefix$items" "${typed##*,}" "k1= b= title= near= window= stop="
            _news_nospace
            ;;
        news-search:--tz)
            # the zone names under /usr/share/zoneinfo, one folder at a time
            local zi=/usr/share/zoneinfo z
            local -a zones
            [[ -d $zi ]] || return 0
            mapfile -t zones < <(compgen -f -- "$zi/$typed")
            for z in "${zones[@]}"; do
                z=${z#"$zi/"}
                [[ $z == [A-Z]* && $z != *.* && $z != SECURITY ]] || continue
                if [[ -d $zi/$z ]]; then
                    _news_cands+=("$prefix$z/")
                    _news_nospace
                else
                    _news_cands+=("$prefix$z")
                fi
            done
            ;;
        news-search:--query)
            _news_query_cands "$prefix" "$typed"
            ;;
        news-index:--language)
            _news_words_of "$prefix" "$typed" "$_news_stemmers"
            ;;
        news-serve:--host)
            _news_words_of "$prefix" "$typed" "127.0.0.1 0.0.0.0 localhost ::1"
            ;;
        news-search:-n | news-search:--limit | news-search:--offset | news-search:--trec | \
            news-search:--qid | news-search:--now | news-index:--source | news-index:--date | \
            news-index:--batch-size | news-index:-j | news-index:--jobs | news-serve:--port | \
            news-serve:--threads | news-serve:--token | news-search:--timeout | news-serve:--timeout | \
            news-index:--shards)
            ;;
        *) return 1 ;;
    esac
    return 0
}

# _news_complete PROGRAM OPTIONS: the completion of the three programs.
_news_complete()
{
    local prog=$1 options=$2
    local cur prev words cword
    local -a _news_cands=() _news_vals=() _news_db_args=()
    local _news_arg _news_head _news_mode _news_prog _news_file_reply=''
    _news_init || return 0

    # options end at "--"; --get, --copies, --delete and --undelete take ids
    local i ids='' dashdash=''
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --) dashdash=1 ;;
            --get | --copies | --delete | --undelete) ids=1 ;;
        esac
    done

    if [[ ! $dashdash ]]; then
        if [[ $cur == --*=* ]]; then
            _news_dequote "$cur"
            local opt=${_news_arg%%=*}
            if _news_option_value "$prog" "$opt" "$opt=" "${_news_arg#*=}"; then
                _news_reply ${_news_file_reply:+-f} "${_news_cands[@]}"
            fi
            return 0
        fi
        _news_dequote "$cur"
        if ((cword > 1)) && _news_option_value "$prog" "$prev" "" "$_news_arg"; then
            _news_reply ${_news_file_reply:+-f} "${_news_cands[@]}"
            return 0
        fi
        if [[ $cur == -* ]]; then
            _news_words_of "" "$cur" "$options"
            _news_reply "${_news_cands[@]}"
            return 0
        fi
    fi

    [[ $ids ]] && return 0
    _news_dequote "$cur"
    case $prog in
        news-search)
            _news_query_cands "" "$_news_arg"
            _news_reply "${_news_cands[@]}"
            ;;
        news-index)
            _news_files "" "$_news_arg"
            _news_reply -f "${_news_cands[@]}"
            ;;
    esac
    return 0
}

_news_search()
{
    _news_complete news-search "-h --help --version -d --db -s --sort -n --limit --offset --any --json --jsonl --trec --qid --count --explain --batch --stats --get --sources --speakers --copies --no-collapse --stories --timeout --allow-partial --check-shards --facet --split --now --tz --ranking --color --query"
}

_news_index()
{
    _news_complete news-index "-h --help --version -d --db -m --manifest --source --date --language --batch-size -j --jobs --prune --delete --undelete --no-speakers --shards --compact --extract --progress -v --verbose --input"
}

_news_serve()
{
    _news_complete news-serve "-h --help --version -d --db --port --host --threads --token --timeout --allow-partial --web"
}

complete -F _news_search news-search
complete -F _news_index news-index
complete -F _news_serve news-serve
