@echo off
rem contacts-softphone-cli VERB ...: the command line of the installed Contacts Softphone.
rem Runs the app beside this file with the `contacts` subcommand, which answers the verbs
rem without opening a window (src/main/cli/route.ts). Add this folder to PATH to use it anywhere.
"%~dp0Contacts Softphone.exe" contacts %*
exit /b %ERRORLEVEL%
